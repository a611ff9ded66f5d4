package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No command stays queued or sent across a restart. */
class CommandRestartIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void commandsWithoutOutcomeAreResolvedWhenJouleStartsAgain() throws Exception {
    long inFlight;
    long crashed;
    try (JouleServer joule = JouleServer.start(dataDir, "call-timeout", "60s");
        RawCharger charger = joule.charger("CP-RESTART")) {
      HttpResponse<String> sent =
          joule.post("/api/v1/chargers/CP-RESTART/commands/Reset", "{\"type\":\"Hard\"}");
      assertThat(sent.statusCode()).isEqualTo(202);
      inFlight = JSON.readTree(sent.body()).path("id").asLong();
      charger.next(); // the charger got the CALL and never answers
      // A command the process recorded as sent but whose outcome it never wrote (a crash).
      crashed =
          joule.count(
              "INSERT INTO command (charger_id, action, payload, status, queued_at, sent_at)"
                  + " VALUES ('CP-RESTART', 'ClearCache', '{}', 'sent', now(), now())"
                  + " RETURNING id");
    }
    try (JouleServer joule = JouleServer.start(dataDir)) {
      JsonNode lost = JSON.readTree(joule.get("/api/v1/commands/" + crashed).body());
      assertThat(lost.path("status").asText()).isEqualTo("error");
      assertThat(lost.path("errorCode").asText()).isEqualTo("JouleRestarted");
      assertThat(lost.path("completedAt").isNull()).isFalse();
      JsonNode closed = JSON.readTree(joule.get("/api/v1/commands/" + inFlight).body());
      // Closed with the connection on shutdown (offline), or resolved on start if the process
      // stopped before recording it: final either way.
      assertThat(closed.path("status").asText()).isIn("offline", "error");
      assertThat(JSON.readTree(joule.get("/api/v1/commands?status=sent").body()).path("items"))
          .isEmpty();
    }
  }
}
