package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that wait for a reconnect (ttl), and what answered commands imply: the transaction a
 * remote start caused or a remote stop stopped, the local list version, reservations and charging
 * profiles.
 */
class CommandSideEffectsIT {
  @TempDir static Path dataDir;
  static JouleServer joule;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir, "call-timeout", "5s");
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  static JsonNode roundTrip(
      RawCharger charger, String chargerId, String action, String body, String answer)
      throws Exception {
    return joule.roundTrip(charger, chargerId, action, body, answer);
  }

  static void register(String chargerId) {
    try (RawCharger charger = joule.charger(chargerId)) {
      charger.close();
    }
    Await.until(
        () -> joule.get("/api/v1/chargers/" + chargerId).body().contains("\"connected\":false"));
  }

  @Test
  void aCommandWithATtlWaitsForItsChargerToConnectAndIsSentInOrder() throws Exception {
    register("CP-TTL-1");
    HttpResponse<String> first =
        joule.post("/api/v1/chargers/CP-TTL-1/commands/ClearCache?ttl=1m", "{}");
    HttpResponse<String> second =
        joule.post("/api/v1/chargers/CP-TTL-1/commands/Reset?ttl=1m", "{\"type\":\"Soft\"}");
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(first.body()).path("status").asText()).isEqualTo("queued");
    long firstId = JSON.readTree(first.body()).path("id").asLong();
    long secondId = JSON.readTree(second.body()).path("id").asLong();

    try (RawCharger charger = joule.charger("CP-TTL-1")) {
      JsonNode clearCache = JSON.readTree(charger.next());
      assertThat(clearCache.get(2).asText()).isEqualTo("ClearCache");
      charger.send("[3," + clearCache.get(1) + ",{\"status\":\"Accepted\"}]");
      JsonNode reset = JSON.readTree(charger.next());
      assertThat(reset.get(2).asText()).isEqualTo("Reset");
      charger.send("[3," + reset.get(1) + ",{\"status\":\"Accepted\"}]");
      assertThat(awaitFinal(firstId).path("status").asText()).isEqualTo("accepted");
      assertThat(awaitFinal(secondId).path("status").asText()).isEqualTo("accepted");
    }
  }

  @Test
  void aCommandWhoseTtlEndsBeforeItsChargerConnectsIsOffline() throws Exception {
    register("CP-TTL-2");
    HttpResponse<String> sent =
        joule.post("/api/v1/chargers/CP-TTL-2/commands/ClearCache?ttl=1s&wait=10s", "{}");
    assertThat(sent.statusCode()).isEqualTo(200);
    JsonNode done = JSON.readTree(sent.body());
    assertThat(done.path("status").asText()).isEqualTo("offline");
    assertThat(done.path("errorCode").asText()).isEqualTo("NotConnected");
    assertThat(done.path("errorDescription").asText()).contains("ttl");
    assertThat(done.path("sentAt").isNull()).isTrue();
  }

  @Test
  void aBadTtlIsA400() {
    HttpResponse<String> response =
        joule.post("/api/v1/chargers/CP-TTL-2/commands/ClearCache?ttl=2d", "{}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("ttl");
  }

  @Test
  void aRemoteStartIsLinkedToTheTransactionItCausedAndARemoteStopToTheOneItStopped()
      throws Exception {
    try (RawCharger charger = joule.charger("CP-LINK")) {
      JsonNode remoteStart =
          roundTrip(
              charger,
              "CP-LINK",
              "RemoteStartTransaction",
              "{\"idTag\":\"tag-remote\",\"connectorId\":2}",
              "{\"status\":\"Accepted\"}");
      assertThat(remoteStart.path("transactionId").isNull()).isTrue();
      // a start on another connector is not the one the command asked for
      charger.call(
          "[2,\"o1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG-REMOTE\","
              + "\"meterStart\":0,\"timestamp\":\"2026-11-24T08:00:00Z\"}]");
      String started =
          charger.call(
              "[2,\"s1\",\"StartTransaction\",{\"connectorId\":2,\"idTag\":\"TAG-REMOTE\","
                  + "\"meterStart\":0,\"timestamp\":\"2026-11-24T08:00:01Z\"}]");
      int transactionId = JSON.readTree(started).get(2).path("transactionId").asInt();
      JsonNode linked = command(remoteStart.path("id").asLong());
      assertThat(linked.path("transactionId").asInt()).isEqualTo(transactionId);

      JsonNode remoteStop =
          roundTrip(
              charger,
              "CP-LINK",
              "RemoteStopTransaction",
              "{\"transactionId\":" + transactionId + "}",
              "{\"status\":\"Accepted\"}");
      assertThat(remoteStop.path("transactionId").asInt()).isEqualTo(transactionId);
    }
  }

  @Test
  void anAcceptedLocalListVersionIsKeptOnTheCharger() throws Exception {
    try (RawCharger charger = joule.charger("CP-LIST")) {
      roundTrip(
          charger,
          "CP-LIST",
          "SendLocalList",
          "{\"listVersion\":7,\"updateType\":\"Full\",\"localAuthorizationList\":[]}",
          "{\"status\":\"Accepted\"}");
      assertThat(
              JSON.readTree(joule.get("/api/v1/chargers/CP-LIST").body())
                  .path("localListVersion")
                  .asInt())
          .isEqualTo(7);
      roundTrip(
          charger,
          "CP-LIST",
          "SendLocalList",
          "{\"listVersion\":8,\"updateType\":\"Full\"}",
          "{\"status\":\"VersionMismatch\"}");
      assertThat(
              JSON.readTree(joule.get("/api/v1/chargers/CP-LIST").body())
                  .path("localListVersion")
                  .asInt())
          .isEqualTo(7);
    }
  }

  @Test
  void reservationsAreStoredWithTheirStatus() throws Exception {
    try (RawCharger charger = joule.charger("CP-RES")) {
      String reserve =
          "{\"connectorId\":1,\"expiryDate\":\"2026-11-24T12:00:00Z\",\"idTag\":\"TAG-R\","
              + "\"reservationId\":%d}";
      roundTrip(
          charger, "CP-RES", "ReserveNow", reserve.formatted(41), "{\"status\":\"Accepted\"}");
      roundTrip(
          charger, "CP-RES", "ReserveNow", reserve.formatted(42), "{\"status\":\"Occupied\"}");
      roundTrip(
          charger,
          "CP-RES",
          "CancelReservation",
          "{\"reservationId\":41}",
          "{\"status\":\"Accepted\"}");
      JsonNode items =
          JSON.readTree(joule.get("/api/v1/chargers/CP-RES/reservations").body()).path("items");
      assertThat(items.size()).isEqualTo(2);
      assertThat(items.get(0).path("reservationId").asInt()).isEqualTo(41);
      assertThat(items.get(0).path("status").asText()).isEqualTo("cancelled");
      assertThat(items.get(1).path("status").asText()).isEqualTo("occupied");
      assertThat(items.get(1).path("expiryDate").asText()).isEqualTo("2026-11-24T12:00:00Z");
    }
  }

  @Test
  void chargingProfilesAreStoredWithTheirStatus() throws Exception {
    try (RawCharger charger = joule.charger("CP-PROF")) {
      String profile =
          "{\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":%d,\"stackLevel\":0,"
              + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\","
              + "\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
              + "[{\"startPeriod\":0,\"limit\":16}]}}}";
      roundTrip(
          charger,
          "CP-PROF",
          "SetChargingProfile",
          profile.formatted(1),
          "{\"status\":\"Accepted\"}");
      roundTrip(
          charger,
          "CP-PROF",
          "SetChargingProfile",
          profile.formatted(2),
          "{\"status\":\"Accepted\"}");
      roundTrip(
          charger,
          "CP-PROF",
          "SetChargingProfile",
          profile.formatted(3),
          "{\"status\":\"Rejected\"}");
      JsonNode items =
          JSON.readTree(joule.get("/api/v1/chargers/CP-PROF/charging-profiles").body())
              .path("items");
      assertThat(items.get(0).path("status").asText()).isEqualTo("replaced"); // same level, purpose
      assertThat(items.get(1).path("status").asText()).isEqualTo("installed");
      assertThat(items.get(1).at("/profile/chargingSchedule/chargingRateUnit").asText())
          .isEqualTo("A");
      assertThat(items.get(2).path("status").asText()).isEqualTo("rejected");

      roundTrip(
          charger, "CP-PROF", "ClearChargingProfile", "{\"id\":2}", "{\"status\":\"Accepted\"}");
      items =
          JSON.readTree(joule.get("/api/v1/chargers/CP-PROF/charging-profiles").body())
              .path("items");
      assertThat(items.get(1).path("status").asText()).isEqualTo("cleared");
    }
  }

  static JsonNode command(long id) throws Exception {
    return JSON.readTree(joule.get("/api/v1/commands/" + id).body());
  }

  static JsonNode awaitFinal(long id) throws Exception {
    JsonNode[] last = new JsonNode[1];
    Await.until(
        () -> {
          try {
            last[0] = command(id);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
          String status = last[0].path("status").asText();
          return !status.equals("queued") && !status.equals("sent");
        });
    return last[0];
  }
}
