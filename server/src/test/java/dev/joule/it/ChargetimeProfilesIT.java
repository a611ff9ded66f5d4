package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.feature.profile.ClientFirmwareManagementEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientFirmwareManagementProfile;
import eu.chargetime.ocpp.feature.profile.ClientLocalAuthListEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientLocalAuthListProfile;
import eu.chargetime.ocpp.feature.profile.ClientRemoteTriggerEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientRemoteTriggerProfile;
import eu.chargetime.ocpp.feature.profile.ClientReservationEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientReservationProfile;
import eu.chargetime.ocpp.feature.profile.ClientSmartChargingEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientSmartChargingProfile;
import eu.chargetime.ocpp.model.core.RecurrencyKindType;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.firmware.GetDiagnosticsConfirmation;
import eu.chargetime.ocpp.model.firmware.UpdateFirmwareConfirmation;
import eu.chargetime.ocpp.model.localauthlist.GetLocalListVersionConfirmation;
import eu.chargetime.ocpp.model.localauthlist.SendLocalListConfirmation;
import eu.chargetime.ocpp.model.localauthlist.UpdateStatus;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageConfirmation;
import eu.chargetime.ocpp.model.remotetrigger.TriggerMessageStatus;
import eu.chargetime.ocpp.model.reservation.CancelReservationConfirmation;
import eu.chargetime.ocpp.model.reservation.CancelReservationStatus;
import eu.chargetime.ocpp.model.reservation.ReservationStatus;
import eu.chargetime.ocpp.model.reservation.ReserveNowConfirmation;
import eu.chargetime.ocpp.model.reservation.ReserveNowRequest;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleConfirmation;
import eu.chargetime.ocpp.model.smartcharging.GetCompositeScheduleStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands of the five optional 1.6 feature profiles, sent to the independent eu.chargetime
 * client (which has no security-whitepaper profile: those run in {@link EveryCommandIT}).
 */
class ChargetimeProfilesIT {
  private static final Path GOLDEN = Path.of("..", "ocpp", "src", "test", "resources", "ocpp16");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the simulated charge point answers to each request it handles. */
  private static final Map<String, Object> ANSWERS =
      Map.of(
          "handleGetDiagnosticsRequest", new GetDiagnosticsConfirmation(),
          "handleUpdateFirmwareRequest", new UpdateFirmwareConfirmation(),
          "handleGetLocalListVersionRequest", new GetLocalListVersionConfirmation(7),
          "handleSendLocalListRequest", new SendLocalListConfirmation(UpdateStatus.Accepted),
          "handleReserveNowRequest", new ReserveNowConfirmation(ReservationStatus.Accepted),
          "handleCancelReservationRequest",
              new CancelReservationConfirmation(CancelReservationStatus.Accepted),
          "handleSetChargingProfileRequest",
              new SetChargingProfileConfirmation(ChargingProfileStatus.Accepted),
          "handleClearChargingProfileRequest",
              new ClearChargingProfileConfirmation(ClearChargingProfileStatus.Accepted),
          "handleGetCompositeScheduleRequest",
              new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.Accepted),
          "handleTriggerMessageRequest",
              new TriggerMessageConfirmation(TriggerMessageStatus.Accepted));

  @TempDir static Path dataDir;
  static JouleServer joule;
  static JSONClient client;
  static ClientCoreProfile core;
  static final Set<String> handled = ConcurrentHashMap.newKeySet();

  /** The SetChargingProfile requests the client received, by chargingProfileId. */
  static final Map<Integer, SetChargingProfileRequest> profiles = new ConcurrentHashMap<>();

  /** The ReserveNow requests the client received, by reservationId. */
  static final Map<Integer, ReserveNowRequest> reserved = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    joule = JouleServer.start(dataDir);
    core = new ClientCoreProfile(handler(ClientCoreEventHandler.class));
    client = new JSONClient(core);
    client.addFeatureProfile(
        new ClientFirmwareManagementProfile(handler(ClientFirmwareManagementEventHandler.class)));
    client.addFeatureProfile(
        new ClientLocalAuthListProfile(handler(ClientLocalAuthListEventHandler.class)));
    client.addFeatureProfile(
        new ClientReservationProfile(handler(ClientReservationEventHandler.class)));
    client.addFeatureProfile(
        new ClientSmartChargingProfile(handler(ClientSmartChargingEventHandler.class)));
    client.addFeatureProfile(
        new ClientRemoteTriggerProfile(handler(ClientRemoteTriggerEventHandler.class)));
    CompletableFuture<Void> opened = new CompletableFuture<>();
    client.connect(
        joule.url("CP-PROFILES"),
        new ClientEvents() {
          @Override
          public void connectionOpened() {
            opened.complete(null);
          }

          @Override
          public void connectionClosed() {}
        });
    opened.get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    client.disconnect();
    joule.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GetDiagnostics",
        "UpdateFirmware",
        "GetLocalListVersion",
        "SendLocalList",
        "ReserveNow",
        "CancelReservation",
        "SetChargingProfile",
        "ClearChargingProfile",
        "GetCompositeSchedule",
        "TriggerMessage"
      })
  void theIndependentClientAnswersEveryOptionalProfileCommand(String action) throws Exception {
    JsonNode payload =
        JSON.readTree(Files.readString(GOLDEN.resolve(action).resolve("request-valid.json")))
            .get(3);

    var result =
        joule.post(
            "/api/v1/chargers/CP-PROFILES/commands/" + action + "?wait=10s", payload.toString());

    assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
    JsonNode command = JSON.readTree(result.body());
    assertThat(command.path("status").asText()).as(result.body()).isEqualTo("accepted");
    assertThat(handled).contains("handle" + action + "Request");
  }

  @Test
  void aReservationMadeThroughTheApiIsAcceptedByTheClientAndUsedByItsStartTransaction()
      throws Exception {
    String expiry =
        Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    var created =
        joule.post(
            "/api/v1/reservations",
            "{\"chargerId\":\"CP-PROFILES\",\"connectorId\":1,\"idTag\":\"CT-TAG\","
                + "\"expiryDate\":\""
                + expiry
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    int id = JSON.readTree(created.body()).path("id").asInt();
    Await.until(() -> status(id).equals("reserved"));
    ReserveNowRequest received = reserved.get(id);
    assertThat(received.getIdTag()).isEqualTo("CT-TAG");
    assertThat(received.getConnectorId()).isEqualTo(1);
    assertThat(received.getExpiryDate().toInstant()).isEqualTo(Instant.parse(expiry));

    StartTransactionRequest start =
        core.createStartTransactionRequest(1, "CT-TAG", 0, ZonedDateTime.now(ZoneOffset.UTC));
    start.setReservationId(id);
    StartTransactionConfirmation started =
        (StartTransactionConfirmation)
            client.send(start).toCompletableFuture().get(10, TimeUnit.SECONDS);

    JsonNode used = JSON.readTree(joule.get("/api/v1/reservations/" + id).body());
    assertThat(used.path("status").asText()).isEqualTo("used");
    assertThat(used.path("transactionId").asInt()).isEqualTo(started.getTransactionId());
  }

  @Test
  void aProfileSentThroughTheApiIsReadByTheClientAndInJoulesSchedule() throws Exception {
    String body =
        "{\"connectorId\":2,\"csChargingProfiles\":{\"chargingProfileId\":77,\"stackLevel\":3,"
            + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Recurring\","
            + "\"recurrencyKind\":\"Daily\",\"chargingSchedule\":{\"startSchedule\":\"2026-01-01T00:00:00Z\","
            + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":11.0}]}}}";

    var sent = joule.post("/api/v1/chargers/CP-PROFILES/charging-profiles?wait=10s", body);

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(JSON.readTree(sent.body()).path("status").asText()).isEqualTo("installed");
    SetChargingProfileRequest received = profiles.get(77);
    assertThat(received.getConnectorId()).isEqualTo(2);
    assertThat(received.getCsChargingProfiles().getRecurrencyKind())
        .isEqualTo(RecurrencyKindType.Daily);
    JsonNode schedule =
        JSON.readTree(
            joule.get("/api/v1/chargers/CP-PROFILES/connectors/2/schedule?duration=3600").body());
    assertThat(schedule.at("/chargingSchedulePeriod/0/limit").asDouble()).isEqualTo(11.0);
    assertThat(schedule.at("/chargingSchedulePeriod/0/chargingProfileId").asInt()).isEqualTo(77);
    assertThat(schedule.path("chargingSchedulePeriod")).hasSize(1);
  }

  private static String status(int id) {
    try {
      return JSON.readTree(joule.get("/api/v1/reservations/" + id).body()).path("status").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T handler(Class<T> type) {
    return (T)
        Proxy.newProxyInstance(
            ChargetimeProfilesIT.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Object answer = ANSWERS.get(method.getName());
              if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
              }
              handled.add(method.getName());
              if (args != null && args.length > 0 && args[0] instanceof ReserveNowRequest r) {
                reserved.put(r.getReservationId(), r);
              }
              if (args != null
                  && args.length > 0
                  && args[0] instanceof SetChargingProfileRequest set) {
                profiles.put(set.getCsChargingProfiles().getChargingProfileId(), set);
              }
              return answer;
            });
  }
}
