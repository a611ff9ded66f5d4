package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.model.core.AvailabilityStatus;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityConfirmation;
import eu.chargetime.ocpp.model.core.ChangeAvailabilityRequest;
import eu.chargetime.ocpp.model.core.ChangeConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.ChangeConfigurationRequest;
import eu.chargetime.ocpp.model.core.ClearCacheConfirmation;
import eu.chargetime.ocpp.model.core.ClearCacheRequest;
import eu.chargetime.ocpp.model.core.ClearCacheStatus;
import eu.chargetime.ocpp.model.core.ConfigurationStatus;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.GetConfigurationConfirmation;
import eu.chargetime.ocpp.model.core.GetConfigurationRequest;
import eu.chargetime.ocpp.model.core.KeyValueType;
import eu.chargetime.ocpp.model.core.RemoteStartStopStatus;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStartTransactionRequest;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.RemoteStopTransactionRequest;
import eu.chargetime.ocpp.model.core.ResetConfirmation;
import eu.chargetime.ocpp.model.core.ResetRequest;
import eu.chargetime.ocpp.model.core.ResetStatus;
import eu.chargetime.ocpp.model.core.UnlockConnectorConfirmation;
import eu.chargetime.ocpp.model.core.UnlockConnectorRequest;
import eu.chargetime.ocpp.model.core.UnlockStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator commands through the API to real WebSocket chargers, and what became of them. */
class CommandsIT {
  @TempDir static Path dataDir;
  static JouleServer joule;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir, "call-timeout", "2s");
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void coreCommandsRoundTripThroughTheIndependentClient() throws Exception {
    JSONClient client = connect("CP-CMD-1", new AnsweringCharger());
    try {
      JsonNode reset = command("CP-CMD-1", "Reset", "{\"type\":\"Soft\"}", 200);
      assertThat(reset.path("status").asText()).isEqualTo("accepted");
      assertThat(reset.path("response").path("status").asText()).isEqualTo("Accepted");
      assertThat(reset.path("sentAt").isNull()).isFalse();
      assertThat(reset.path("completedAt").isNull()).isFalse();

      JsonNode start = command("CP-CMD-1", "RemoteStartTransaction", "{\"idTag\":\"TAG-1\"}", 200);
      assertThat(start.path("status").asText()).isEqualTo("rejected");
      assertThat(start.path("response").path("status").asText()).isEqualTo("Rejected");

      assertThat(
              command("CP-CMD-1", "RemoteStopTransaction", "{\"transactionId\":7}", 200)
                  .path("status")
                  .asText())
          .isEqualTo("accepted");
      assertThat(
              command("CP-CMD-1", "UnlockConnector", "{\"connectorId\":1}", 200)
                  .path("status")
                  .asText())
          .isEqualTo("accepted");
      assertThat(command("CP-CMD-1", "ClearCache", "", 200).path("status").asText())
          .isEqualTo("rejected");
      assertThat(
              command(
                      "CP-CMD-1",
                      "ChangeAvailability",
                      "{\"connectorId\":0,\"type\":\"Inoperative\"}",
                      200)
                  .path("status")
                  .asText())
          .isEqualTo("accepted");
      JsonNode transfer =
          command("CP-CMD-1", "DataTransfer", "{\"vendorId\":\"joule\",\"data\":\"ping\"}", 200);
      assertThat(transfer.path("response").path("data").asText()).isEqualTo("pong");

      JsonNode change =
          command(
              "CP-CMD-1",
              "ChangeConfiguration",
              "{\"key\":\"HeartbeatInterval\",\"value\":\"600\"}",
              200);
      assertThat(change.path("status").asText()).isEqualTo("accepted");
      JsonNode get = command("CP-CMD-1", "GetConfiguration", "{}", 200);
      assertThat(get.path("status").asText()).isEqualTo("accepted");
      assertThat(get.path("response").path("configurationKey").get(0).path("key").asText())
          .isEqualTo("MeterValueSampleInterval");
      assertThat(
              joule.count(
                  "SELECT count(*) FROM charger_configuration WHERE charger_id = 'CP-CMD-1'"
                      + " AND ((key = 'HeartbeatInterval' AND value = '600')"
                      + " OR (key = 'MeterValueSampleInterval' AND value = '60' AND readonly))"))
          .isEqualTo(2);

      JsonNode listed = JSON.readTree(joule.get("/api/v1/chargers/CP-CMD-1/commands").body());
      assertThat(listed.path("items")).hasSize(9);
      assertThat(listed.path("items").get(0).path("action").asText()).isEqualTo("GetConfiguration");
      JsonNode rejected =
          JSON.readTree(joule.get("/api/v1/commands?chargerId=CP-CMD-1&status=rejected").body());
      assertThat(rejected.path("items")).hasSize(2);
      JsonNode configurations =
          JSON.readTree(
              joule
                  .get("/api/v1/chargers/CP-CMD-1/commands?action=GetConfiguration&status=accepted")
                  .body());
      assertThat(configurations.path("items")).hasSize(1);
      assertThat(configurations.path("items").get(0).path("id").asLong())
          .isEqualTo(get.path("id").asLong());
      assertThat(joule.get("/api/v1/commands?action=Heartbeat").statusCode()).isEqualTo(400);
      JsonNode one =
          JSON.readTree(joule.get("/api/v1/commands/" + reset.path("id").asLong()).body());
      assertThat(one.path("action").asText()).isEqualTo("Reset");
      assertThat(one.path("payload").path("type").asText()).isEqualTo("Soft");
    } finally {
      client.disconnect();
    }
  }

  @Test
  void aPayloadThatBreaksTheSchemaIsA400NamingTheField() {
    HttpResponse<String> unknown =
        joule.post("/api/v1/chargers/CP-ANY/commands/Reset", "{\"type\":\"Hard\",\"tpye\":1}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("tpye");
    HttpResponse<String> badEnum =
        joule.post("/api/v1/chargers/CP-ANY/commands/Reset", "{\"type\":\"Warm\"}");
    assertThat(badEnum.statusCode()).isEqualTo(400);
    assertThat(badEnum.body()).contains("type").contains("PropertyConstraintViolation");
    HttpResponse<String> notACommand =
        joule.post("/api/v1/chargers/CP-ANY/commands/Heartbeat", "{}");
    assertThat(notACommand.statusCode()).isEqualTo(400);
    assertThat(notACommand.body()).contains("'Heartbeat' is not a command");
  }

  @Test
  void aCommandToAnUnknownChargerIsA404() {
    assertThat(joule.post("/api/v1/chargers/NEVER-SEEN/commands/ClearCache", "{}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void aCommandToADisconnectedChargerFailsFastAsOffline() throws Exception {
    try (RawCharger charger = joule.charger("CP-GONE")) {
      charger.close();
      Await.until(() -> !connected("CP-GONE"));
    }
    JsonNode offline = command("CP-GONE", "ClearCache", "{}", 200);
    assertThat(offline.path("status").asText()).isEqualTo("offline");
    assertThat(offline.path("errorCode").asText()).isEqualTo("NotConnected");
    assertThat(offline.path("sentAt").isNull()).isTrue();
  }

  @Test
  void aCallErrorIsRecordedWithItsCodeAndDescription() throws Exception {
    try (RawCharger charger = joule.charger("CP-RAW-ERR")) {
      HttpResponse<String> sent =
          joule.post("/api/v1/chargers/CP-RAW-ERR/commands/ClearCache", "{}");
      assertThat(sent.statusCode()).isEqualTo(202);
      long id = JSON.readTree(sent.body()).path("id").asLong();
      String call = charger.next();
      String messageId = JSON.readTree(call).get(1).asText();
      charger.send("[4,\"" + messageId + "\",\"NotSupported\",\"no cache here\",{}]");
      JsonNode done = awaitFinal(id);
      assertThat(done.path("status").asText()).isEqualTo("error");
      assertThat(done.path("errorCode").asText()).isEqualTo("NotSupported");
      assertThat(done.path("errorDescription").asText()).isEqualTo("no cache here");
    }
  }

  @Test
  void aChargerThatNeverAnswersTimesOut() throws Exception {
    try (RawCharger charger = joule.charger("CP-RAW-SILENT")) {
      HttpResponse<String> sent =
          joule.post("/api/v1/chargers/CP-RAW-SILENT/commands/ClearCache?wait=10s", "{}");
      charger.next();
      assertThat(sent.statusCode()).isEqualTo(200);
      JsonNode done = JSON.readTree(sent.body());
      assertThat(done.path("status").asText()).isEqualTo("timeout");
      assertThat(done.path("sentAt").isNull()).isFalse();
    }
  }

  @Test
  void aConnectionClosedDuringACommandCompletesItAsOffline() throws Exception {
    RawCharger charger = joule.charger("CP-RAW-DROP");
    HttpResponse<String> sent =
        joule.post("/api/v1/chargers/CP-RAW-DROP/commands/Reset", "{\"type\":\"Hard\"}");
    long id = JSON.readTree(sent.body()).path("id").asLong();
    charger.next();
    charger.close();
    JsonNode done = awaitFinal(id);
    assertThat(done.path("status").asText()).isEqualTo("offline");
    assertThat(done.path("errorCode").asText()).isEqualTo("Disconnected");

    // The charger comes back: a new command reaches the new connection.
    try (RawCharger again = joule.charger("CP-RAW-DROP")) {
      HttpResponse<String> next =
          joule.post("/api/v1/chargers/CP-RAW-DROP/commands/ClearCache", "{}");
      long nextId = JSON.readTree(next.body()).path("id").asLong();
      String call = again.next();
      again.send("[3,\"" + JSON.readTree(call).get(1).asText() + "\",{\"status\":\"Accepted\"}]");
      assertThat(awaitFinal(nextId).path("status").asText()).isEqualTo("accepted");
    }
  }

  private static boolean connected(String chargerId) {
    try {
      return JSON.readTree(joule.get("/api/v1/chargers/" + chargerId).body())
          .path("connected")
          .asBoolean();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode awaitFinal(long id) throws Exception {
    JsonNode[] last = new JsonNode[1];
    Await.until(
        () -> {
          try {
            last[0] = JSON.readTree(joule.get("/api/v1/commands/" + id).body());
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          String status = last[0].path("status").asText();
          return !status.equals("queued") && !status.equals("sent");
        });
    return last[0];
  }

  private static JsonNode command(String chargerId, String action, String body, int status)
      throws Exception {
    HttpResponse<String> response =
        joule.post("/api/v1/chargers/" + chargerId + "/commands/" + action + "?wait=10s", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private static JSONClient connect(String id, ClientCoreEventHandler handler) throws Exception {
    JSONClient client = new JSONClient(new ClientCoreProfile(handler));
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

  /** A charger that answers every Core command with a fixed, recognisable answer. */
  static final class AnsweringCharger implements ClientCoreEventHandler {
    @Override
    public ChangeAvailabilityConfirmation handleChangeAvailabilityRequest(
        ChangeAvailabilityRequest request) {
      return new ChangeAvailabilityConfirmation(AvailabilityStatus.Scheduled);
    }

    @Override
    public GetConfigurationConfirmation handleGetConfigurationRequest(
        GetConfigurationRequest request) {
      KeyValueType key = new KeyValueType("MeterValueSampleInterval", true);
      key.setValue("60");
      GetConfigurationConfirmation confirmation = new GetConfigurationConfirmation();
      confirmation.setConfigurationKey(new KeyValueType[] {key});
      return confirmation;
    }

    @Override
    public ChangeConfigurationConfirmation handleChangeConfigurationRequest(
        ChangeConfigurationRequest request) {
      return new ChangeConfigurationConfirmation(ConfigurationStatus.RebootRequired);
    }

    @Override
    public ClearCacheConfirmation handleClearCacheRequest(ClearCacheRequest request) {
      return new ClearCacheConfirmation(ClearCacheStatus.Rejected);
    }

    @Override
    public DataTransferConfirmation handleDataTransferRequest(DataTransferRequest request) {
      DataTransferConfirmation confirmation =
          new DataTransferConfirmation(DataTransferStatus.Accepted);
      confirmation.setData("ping".equals(request.getData()) ? "pong" : "?");
      return confirmation;
    }

    @Override
    public RemoteStartTransactionConfirmation handleRemoteStartTransactionRequest(
        RemoteStartTransactionRequest request) {
      return new RemoteStartTransactionConfirmation(RemoteStartStopStatus.Rejected);
    }

    @Override
    public RemoteStopTransactionConfirmation handleRemoteStopTransactionRequest(
        RemoteStopTransactionRequest request) {
      return new RemoteStopTransactionConfirmation(RemoteStartStopStatus.Accepted);
    }

    @Override
    public ResetConfirmation handleResetRequest(ResetRequest request) {
      return new ResetConfirmation(ResetStatus.Accepted);
    }

    @Override
    public UnlockConnectorConfirmation handleUnlockConnectorRequest(
        UnlockConnectorRequest request) {
      return new UnlockConnectorConfirmation(UnlockStatus.Unlocked);
    }
  }
}
