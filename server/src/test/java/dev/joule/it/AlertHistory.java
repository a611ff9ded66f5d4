package dev.joule.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;

/** Reads a node's persisted alert history (GET /api/v1/alerts, newest first). */
final class AlertHistory {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertHistory() {}

  /** How often {@code alert} was in {@code state} in the newest 500 transitions of it. */
  static int count(JouleServer node, String alert, String state) {
    int count = 0;
    try {
      String page = node.get("/api/v1/alerts?alert=" + alert + "&limit=500").body();
      for (JsonNode event : JSON.readTree(page).path("items")) {
        if (event.path("state").asText().equals(state)) {
          count++;
        }
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    return count;
  }

  /** Waits until {@code alert} was in {@code state} more often than {@code before} times. */
  static void await(JouleServer node, String alert, String state, int before) {
    Await.until(() -> count(node, alert, state) > before, Duration.ofSeconds(20));
  }
}
