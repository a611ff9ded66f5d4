package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionConfirmation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole charge session driven by the independent eu.chargetime.ocpp client. */
class ChargeSessionIT {
  @TempDir static Path dataDir;
  static JouleServer joule;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void aFullChargeSessionIsRecordedAndVisibleInTheApi() throws Exception {
    JSONClient client = connect("CP-CHARGETIME-1");
    ClientCoreProfile core = new ClientCoreProfile(noCommands());
    try {
      BootNotificationConfirmation boot =
          send(client, core.createBootNotificationRequest("Joule Test", "Independent 1"));
      assertThat(boot.getStatus()).isEqualTo(RegistrationStatus.Accepted);
      assertThat(boot.getInterval()).isEqualTo(300);

      send(
          client,
          core.createStatusNotificationRequest(
              1, ChargePointErrorCode.NoError, ChargePointStatus.Preparing));
      AuthorizeConfirmation auth = send(client, core.createAuthorizeRequest("TAG-0001"));
      assertThat(auth.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);

      ZonedDateTime start = ZonedDateTime.parse("2026-11-24T08:00:00Z");
      StartTransactionConfirmation started =
          send(client, core.createStartTransactionRequest(1, "TAG-0001", 1000, start));
      int transactionId = started.getTransactionId();
      assertThat(transactionId).isPositive();

      SampledValue energy = new SampledValue("4500");
      energy.setMeasurand("Energy.Active.Import.Register");
      energy.setUnit("Wh");
      var meterValues =
          core.createMeterValuesRequest(
              1, new MeterValue(start.plusMinutes(30), new SampledValue[] {energy}));
      meterValues.setTransactionId(transactionId);
      send(client, meterValues);

      var stopRequest = core.createStopTransactionRequest(8000, start.plusHours(1), transactionId);
      stopRequest.setIdTag("TAG-0001");
      StopTransactionConfirmation stopped = send(client, stopRequest);
      assertThat(stopped.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
    } finally {
      client.disconnect();
    }

    assertThat(
            joule.count("SELECT count(*) FROM meter_value WHERE charger_id = ?", "CP-CHARGETIME-1"))
        .isEqualTo(1);
    JsonNode page =
        JSON.readTree(joule.get("/api/v1/transactions?chargerId=CP-CHARGETIME-1").body());
    JsonNode transaction = page.path("items").get(0);
    assertThat(transaction.path("idTag").asText()).isEqualTo("TAG-0001");
    assertThat(transaction.path("meterStart").asInt()).isEqualTo(1000);
    assertThat(transaction.path("meterStop").asInt()).isEqualTo(8000);
    assertThat(transaction.path("energyWh").asDouble()).isEqualTo(7000.0);
    JsonNode charger = JSON.readTree(joule.get("/api/v1/chargers/CP-CHARGETIME-1").body());
    assertThat(charger.path("vendor").asText()).isEqualTo("Joule Test");
  }

  private static JSONClient connect(String id) throws Exception {
    JSONClient client = new JSONClient(new ClientCoreProfile(noCommands()));
    CompletableFuture<Void> opened = new CompletableFuture<>();
    client.connect(
        joule.url(id),
        new ClientEvents() {
          @Override
          public void connectionOpened() {
            opened.complete(null);
          }

          @Override
          public void connectionClosed() {}
        });
    opened.get(10, TimeUnit.SECONDS);
    return client;
  }

  @SuppressWarnings("unchecked")
  private static <C extends Confirmation> C send(JSONClient client, Request request)
      throws Exception {
    return (C) client.send(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** This test sends no commands to the charger. */
  private static ClientCoreEventHandler noCommands() {
    return (ClientCoreEventHandler)
        Proxy.newProxyInstance(
            ChargeSessionIT.class.getClassLoader(),
            new Class<?>[] {ClientCoreEventHandler.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
