package dev.joule.it;

import static dev.joule.it.IncidentsJson.component;
import static dev.joule.it.IncidentsJson.newestAutomatic;
import static dev.joule.it.IncidentsJson.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident Joule exists for, written by Joule itself: a hung worker fires ProcessingStalled,
 * which opens an incident (investigating); the supervisor abandons the worker (identified); the
 * alert resolves (monitoring); the quiet period passes (resolved). Incident and alert history are
 * in PostgreSQL and still there after a restart; /status shows both.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class IncidentLifecycleIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FAST =
      new String[] {
        "fault-injection", "true",
        "workers", "2",
        "stall-after", "2s",
        "alert-stall-held", "1s",
        "alert-resolve-after", "1s",
        "incident-quiet-period", "2s",
        "message-log", "false"
      };

  @TempDir Path dataDir;

  @Test
  void aStallOpensAnIncidentThatWritesItselfAndSurvivesARestart() throws Exception {
    long id;
    try (JouleServer joule = JouleServer.start(dataDir, FAST);
        RawCharger charger = joule.charger("CP-INCIDENT")) {
      assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"");
      assertThat(
              joule.post("/api/v1/faults/hang-workers", "{\"count\":2,\"seconds\":4}").statusCode())
          .isEqualTo(200);

      // Answered by the replacement worker once the hung one is abandoned (stall-after).
      assertThat(charger.call("[2,\"h1\",\"Heartbeat\",{}]")).startsWith("[3,\"h1\"");

      Await.until(
          () -> statuses(newestAutomatic(joule)).contains("resolved"), Duration.ofSeconds(30));
      JsonNode incident = newestAutomatic(joule);
      id = incident.path("id").asLong();
      assertThat(statuses(incident))
          .containsSubsequence("investigating", "identified", "monitoring", "resolved");
      assertThat(incident.path("automatic").asBoolean()).isTrue();
      assertThat(incident.path("title").asText()).isEqualTo("Message processing stalled");
      assertThat(incident.path("components").toString()).contains("message-processing");
      assertThat(text(incident, "investigating"))
          .startsWith("Message processing: processing stalled: 1 worker holds 1 message")
          .contains("ProcessingStalled");
      assertThat(text(incident, "identified"))
          .containsPattern("worker processor-[01] abandoned after holding 1 message for [0-9.]+ s")
          .contains("1 message released for redelivery");
      assertThat(text(incident, "monitoring")).contains("ProcessingStalled resolved");
      assertThat(incident.path("resolvedAt").isNull()).isFalse();

      String page = joule.get("/status").body();
      assertThat(page)
          .contains("Message processing stalled")
          .contains("worker processor-")
          .contains("Message processing")
          .contains("OCPP connections")
          .contains("<svg class=\"uptime\"");
      JsonNode processing = component(joule, "message-processing");
      JsonNode days = processing.path("uptime").path("days");
      assertThat(days.size()).isEqualTo(90);
      assertThat(days.get(0).path("status").asText()).isEqualTo("no_data");
      // The stall made today's worst state an outage of message processing.
      assertThat(days.get(89).path("status").asText()).isIn("partial_outage", "major_outage");
      assertThat(days.get(89).path("recordedSeconds").asLong()).isPositive();
      assertThat(processing.path("uptime").path("percent").asDouble()).isLessThan(100.0);
      assertThat(component(joule, "api").path("uptime").path("percent").asDouble())
          .isEqualTo(100.0);

      var chart = joule.get("/status/incidents/" + id);
      assertThat(chart.statusCode()).isEqualTo(200);
      assertThat(chart.body())
          .contains("Message processing stalled")
          .contains("aria-label=\"Processing rate\"")
          .contains("aria-label=\"Backlog\"")
          .contains("aria-label=\"Waiting\"")
          .contains("<text class=\"marker\"")
          .containsPattern("<path class=\"l1\" d=\"M[0-9.]+ [0-9.]+ L");
      assertThat(page).contains("href=\"/status/incidents/" + id + "\"");
      assertThat(joule.get("/status/incidents/999999").statusCode()).isEqualTo(404);
      assertThat(joule.get("/status/incidents/x").statusCode()).isEqualTo(404);
    }

    try (JouleServer again = JouleServer.start(dataDir, FAST)) {
      JsonNode incident = JSON.readTree(again.get("/api/v1/incidents/" + id).body());
      assertThat(statuses(incident))
          .containsSubsequence("investigating", "identified", "monitoring", "resolved");
      List<String> alerts = new ArrayList<>();
      JSON.readTree(again.get("/api/v1/alerts?alert=ProcessingStalled").body())
          .path("items")
          .forEach(a -> alerts.add(a.path("state").asText() + " " + a.path("node").asText()));
      assertThat(alerts).containsExactly("resolved node-1", "firing node-1");
      assertThat(again.get("/status").body()).contains("Message processing stalled");
      JsonNode today = component(again, "message-processing").path("uptime").path("days").get(89);
      assertThat(today.path("status").asText()).isIn("partial_outage", "major_outage");
    }
  }

  private static String text(JsonNode incident, String status) {
    for (JsonNode update : incident.path("updates")) {
      if (update.path("status").asText().equals(status)) {
        return update.path("text").asText();
      }
    }
    return "";
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"IT\"}]";
  }
}
