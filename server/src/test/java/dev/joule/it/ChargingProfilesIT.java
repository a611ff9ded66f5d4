package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Charging profiles through {@code POST/DELETE /chargers/{id}/charging-profiles} with a real
 * WebSocket charger: the 1.6 rules checked before sending, the composite schedule Joule computes
 * from what the charger accepted (OCPP 1.6 §3.13), and the charger's own GetCompositeSchedule
 * beside it.
 */
class ChargingProfilesIT {
  @TempDir static Path dataDir;
  static JouleServer joule;
  static final ObjectMapper JSON = new ObjectMapper();

  /** The schedules start at the top of this hour: their changes fall on whole hours after it. */
  static final Instant S = Instant.now().truncatedTo(ChronoUnit.HOURS);

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir, "call-timeout", "5s");
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  static String profile(
      int connectorId, int id, int stackLevel, String purpose, String unit, String periods) {
    return "{\"connectorId\":"
        + connectorId
        + ",\"csChargingProfiles\":{\"chargingProfileId\":"
        + id
        + ",\"stackLevel\":"
        + stackLevel
        + ",\"chargingProfilePurpose\":\""
        + purpose
        + "\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{\"startSchedule\":\""
        + S
        + "\",\"chargingRateUnit\":\""
        + unit
        + "\",\"chargingSchedulePeriod\":["
        + periods
        + "]}}}";
  }

  /** Sends the request, answers the CALL it causes on {@code charger}, returns the HTTP answer. */
  static HttpResponse<String> answering(
      RawCharger charger, String action, String answer, Supplier<HttpResponse<String>> request)
      throws Exception {
    CompletableFuture<HttpResponse<String>> sent = CompletableFuture.supplyAsync(request);
    JsonNode call = JSON.readTree(charger.next());
    assertThat(call.get(2).asText()).isEqualTo(action);
    charger.send("[3," + call.get(1) + "," + answer + "]");
    return sent.join();
  }

  static HttpResponse<String> install(RawCharger charger, String body) throws Exception {
    HttpResponse<String> response =
        answering(
            charger,
            "SetChargingProfile",
            "{\"status\":\"Accepted\"}",
            () -> joule.post("/api/v1/chargers/CP-SMART/charging-profiles?wait=10s", body));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("installed");
    return response;
  }

  /** The schedule's periods as "at=limit/profile" with absolute times. */
  static List<String> periods(JsonNode schedule) {
    Instant start = Instant.parse(schedule.path("scheduleStart").asText());
    List<String> periods = new ArrayList<>();
    for (JsonNode p : schedule.path("chargingSchedulePeriod")) {
      Instant at = start.plusSeconds(p.path("startPeriod").asLong());
      periods.add(
          (p.path("startPeriod").asInt() == 0 ? "start" : at.toString())
              + "="
              + (p.path("limit").isNull()
                  ? "none"
                  : p.path("limit").asDouble() + "/p" + p.path("chargingProfileId").asInt()));
    }
    return periods;
  }

  static JsonNode schedule(int connectorId) throws Exception {
    HttpResponse<String> response =
        joule.get(
            "/api/v1/chargers/CP-SMART/connectors/" + connectorId + "/schedule?duration=14400");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static long setCommands() {
    return joule.count(
        "SELECT count(*) FROM command WHERE charger_id = 'CP-SMART'"
            + " AND action = 'SetChargingProfile'");
  }

  @Test
  void profilesAreCheckedSentStackedComparedAndCleared() throws Exception {
    try (RawCharger charger = joule.charger("CP-SMART")) {
      install(charger, profile(0, 1, 0, "ChargePointMaxProfile", "A", period(0, 16)));
      install(
          charger,
          profile(1, 2, 0, "TxDefaultProfile", "A", period(0, 10) + "," + period(7200, 20)));

      // the default, capped by the charge point's maximum from S + 2 h (§3.13.3)
      JsonNode before = schedule(1);
      assertThat(before.path("chargingRateUnit").asText()).isEqualTo("A");
      assertThat(periods(before))
          .containsExactly("start=10.0/p2", S.plusSeconds(7200) + "=16.0/p1");

      // refused before anything is sent (§3.13.1)
      long sentSoFar = setCommands();
      HttpResponse<String> noTransaction =
          joule.post(
              "/api/v1/chargers/CP-SMART/charging-profiles",
              profile(1, 3, 0, "TxProfile", "A", period(0, 6)));
      HttpResponse<String> maxOnAConnector =
          joule.post(
              "/api/v1/chargers/CP-SMART/charging-profiles",
              profile(1, 4, 0, "ChargePointMaxProfile", "A", period(0, 6)));
      HttpResponse<String> descending =
          joule.post(
              "/api/v1/chargers/CP-SMART/charging-profiles",
              profile(1, 5, 1, "TxDefaultProfile", "A", period(0, 6) + "," + period(0, 8)));
      assertThat(noTransaction.statusCode()).isEqualTo(400);
      assertThat(noTransaction.body())
          .contains("csChargingProfiles.chargingProfilePurpose")
          .contains("needs an active transaction on connector 1");
      assertThat(maxOnAConnector.statusCode()).isEqualTo(400);
      assertThat(maxOnAConnector.body()).contains("connectorId").contains("connectorId 0");
      assertThat(descending.statusCode()).isEqualTo(400);
      assertThat(descending.body()).contains("chargingSchedulePeriod[1].startPeriod");
      assertThat(setCommands()).isEqualTo(sentSoFar);

      // with a transaction, its TxProfile overrides the default until S + 3 h
      String started =
          charger.call(
              "[2,\"s1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG-SMART\","
                  + "\"meterStart\":0,\"timestamp\":\""
                  + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                  + "\"}]");
      assertThat(JSON.readTree(started).get(2).path("transactionId").asInt()).isPositive();
      String txProfile =
          profile(1, 3, 0, "TxProfile", "A", period(0, 6))
              .replace("\"startSchedule\"", "\"duration\":10800,\"startSchedule\"");
      install(charger, txProfile);
      assertThat(periods(schedule(1)))
          .containsExactly("start=6.0/p3", S.plusSeconds(10800) + "=16.0/p1");

      // beside the charger's own answer, which says 10 A after S + 3 h
      HttpResponse<String> compared =
          answering(
              charger,
              "GetCompositeSchedule",
              "{\"status\":\"Accepted\",\"connectorId\":1,\"scheduleStart\":\""
                  + S
                  + "\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\","
                  + "\"chargingSchedulePeriod\":["
                  + period(0, 6)
                  + ","
                  + period(10800, 10)
                  + "]}}",
              () ->
                  joule.get(
                      "/api/v1/chargers/CP-SMART/connectors/1/schedule?duration=14400"
                          + "&compare=true"));
      assertThat(compared.statusCode()).as(compared.body()).isEqualTo(200);
      JsonNode comparison = JSON.readTree(compared.body());
      assertThat(comparison.path("matches").asBoolean()).isFalse();
      // only after S + 3 h: before it both say 6 A
      assertThat(comparison.path("differences")).hasSize(1);
      assertThat(comparison.path("differences").get(0).asText())
          .endsWith(": Joule 16.0 A, charger 10.0 A");
      assertThat(comparison.at("/charger/response/scheduleStart").asText()).isEqualTo(S.toString());
      assertThat(periods(comparison.path("joule")))
          .containsExactly("start=6.0/p3", S.plusSeconds(10800) + "=16.0/p1");

      // ClearChargingProfile through the API: the TxProfile goes, the default is back
      HttpResponse<String> cleared =
          answering(
              charger,
              "ClearChargingProfile",
              "{\"status\":\"Accepted\"}",
              () -> joule.delete("/api/v1/chargers/CP-SMART/charging-profiles/3?wait=10s"));
      assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
      JsonNode clearing = JSON.readTree(cleared.body());
      assertThat(clearing.path("status").asText()).isEqualTo("cleared");
      assertThat(clearing.at("/command/payload").toString()).isEqualTo("{\"id\":3}");
      assertThat(periods(schedule(1)))
          .containsExactly("start=10.0/p2", S.plusSeconds(7200) + "=16.0/p1");
      assertThat(joule.delete("/api/v1/chargers/CP-SMART/charging-profiles/3").statusCode())
          .isEqualTo(404);
      JsonNode installed =
          JSON.readTree(
              joule.get("/api/v1/chargers/CP-SMART/charging-profiles?status=installed").body());
      List<Integer> installedIds = new ArrayList<>();
      installed.path("items").forEach(p -> installedIds.add(p.path("chargingProfileId").asInt()));
      assertThat(installedIds).containsExactly(1, 2);
      assertThat(joule.get("/api/v1/chargers/CP-SMART/charging-profiles?status=gone").statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void wattsAndAmpsAreNotMergedAndARemoteStartProfileMustBeATxProfile() throws Exception {
    try (RawCharger charger = joule.charger("CP-UNITS")) {
      for (String body :
          List.of(
              profile(0, 1, 0, "ChargePointMaxProfile", "A", period(0, 32)),
              profile(1, 2, 0, "TxDefaultProfile", "W", period(0, 7400)))) {
        HttpResponse<String> response =
            answering(
                charger,
                "SetChargingProfile",
                "{\"status\":\"Accepted\"}",
                () -> joule.post("/api/v1/chargers/CP-UNITS/charging-profiles?wait=10s", body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      }

      HttpResponse<String> mixed =
          joule.get("/api/v1/chargers/CP-UNITS/connectors/1/schedule?duration=60");
      HttpResponse<String> otherUnit =
          joule.get("/api/v1/chargers/CP-UNITS/connectors/0/schedule?duration=60&unit=W");
      HttpResponse<String> remoteStart =
          joule.post(
              "/api/v1/chargers/CP-UNITS/commands/RemoteStartTransaction",
              "{\"idTag\":\"TAG\",\"connectorId\":1,\"chargingProfile\":"
                  + JSON.readTree(profile(1, 9, 0, "TxDefaultProfile", "A", period(0, 6)))
                      .path("csChargingProfiles")
                  + "}");

      assertThat(mixed.statusCode()).isEqualTo(409);
      assertThat(mixed.body()).contains("profile 1 in A, profile 2 in W");
      assertThat(otherUnit.statusCode()).isEqualTo(400);
      assertThat(otherUnit.body()).contains("unit").contains("does not convert them to W");
      assertThat(remoteStart.statusCode()).isEqualTo(400);
      assertThat(remoteStart.body()).contains("chargingProfile.chargingProfilePurpose");
    }
  }

  @Test
  void aRemoteStartsTxProfileLimitsTheTransactionItCaused() throws Exception {
    try (RawCharger charger = joule.charger("CP-REMOTE")) {
      String txProfile =
          "{\"chargingProfileId\":21,\"stackLevel\":0,\"chargingProfilePurpose\":\"TxProfile\","
              + "\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":{\"chargingRateUnit\":"
              + "\"A\",\"chargingSchedulePeriod\":["
              + period(0, 8)
              + "]}}";
      joule.roundTrip(
          charger,
          "CP-REMOTE",
          "RemoteStartTransaction",
          "{\"idTag\":\"TAG-R\",\"connectorId\":1,\"chargingProfile\":" + txProfile + "}",
          "{\"status\":\"Accepted\"}");
      HttpResponse<String> none =
          joule.get("/api/v1/chargers/CP-REMOTE/connectors/1/schedule?duration=600");
      assertThat(periods(JSON.readTree(none.body()))).containsExactly("start=none");

      charger.call(
          "[2,\"r1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG-R\","
              + "\"meterStart\":0,\"timestamp\":\""
              + Instant.now().truncatedTo(ChronoUnit.SECONDS)
              + "\"}]");

      HttpResponse<String> limited =
          joule.get("/api/v1/chargers/CP-REMOTE/connectors/1/schedule?duration=600");
      assertThat(periods(JSON.readTree(limited.body()))).containsExactly("start=8.0/p21");
    }
  }

  @Test
  void badScheduleAndProfileRequestsNameTheirField() throws Exception {
    try (RawCharger charger = joule.charger("CP-BAD")) {
      HttpResponse<String> noDuration = joule.get("/api/v1/chargers/CP-BAD/connectors/1/schedule");
      HttpResponse<String> kilowatts =
          joule.get("/api/v1/chargers/CP-BAD/connectors/1/schedule?duration=60&unit=kW");
      HttpResponse<String> unknownCharger =
          joule.post(
              "/api/v1/chargers/CP-NOBODY/charging-profiles",
              profile(1, 1, 0, "TxDefaultProfile", "A", period(0, 6)));
      HttpResponse<String> unknownField =
          joule.post(
              "/api/v1/chargers/CP-BAD/charging-profiles", "{\"connectorId\":1,\"profile\":{}}");

      assertThat(noDuration.statusCode()).isEqualTo(400);
      assertThat(noDuration.body()).contains("duration");
      assertThat(kilowatts.statusCode()).isEqualTo(400);
      assertThat(kilowatts.body()).contains("unit").contains("'kW' is not one of A, W");
      assertThat(unknownCharger.statusCode()).isEqualTo(404);
      assertThat(unknownField.statusCode()).isEqualTo(400);
      assertThat(unknownField.body()).contains("profile");
    }
  }

  static String period(int startPeriod, double limit) {
    return "{\"startPeriod\":" + startPeriod + ",\"limit\":" + limit + "}";
  }
}
