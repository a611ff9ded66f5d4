package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections are served by several event loops (one HTTP server per loop on one port), and what
 * connections share still works across them: replies, central-system CALLs, and a charger whose new
 * connection lands on another event loop than the one it replaces.
 */
@Timeout(120)
class EventLoopsIT {
  private static final int EVENT_LOOPS = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  static JouleServer joule;

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir, "event-loops", String.valueOf(EVENT_LOOPS));
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void connectionsSpreadOverEveryEventLoopAndEachGetsItsReplies() {
    List<RawCharger> chargers = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        chargers.add(joule.charger("CP-LOOPS-" + i));
      }
      Await.until(
          () ->
              joule.joule().connectionsByEventLoop().values().stream()
                      .mapToInt(Integer::intValue)
                      .sum()
                  >= chargers.size());

      assertThat(joule.joule().connectionsByEventLoop()).hasSize(EVENT_LOOPS);
      for (int i = 0; i < chargers.size(); i++) {
        assertThat(chargers.get(i).call("[2,\"hb-" + i + "\",\"Heartbeat\",{}]"))
            .startsWith("[3,\"hb-" + i + "\",");
      }
    } finally {
      chargers.forEach(RawCharger::close);
    }
  }

  @Test
  void aChargerReconnectingOnAnotherEventLoopReplacesItsOldConnection() throws Exception {
    String id = "CP-LOOPS-MOVE";
    RawCharger old = joule.charger(id);
    String oldLoop = eventLoopOf(id, old);
    RawCharger fresh = joule.charger(id);
    // Connections go to the servers in turn; other tests' connections may shift the turn.
    for (int tries = 0; eventLoopOf(id, fresh).equals(oldLoop) && tries < 4; tries++) {
      assertThat(old.closeCode()).isEqualTo(4000);
      old = fresh;
      fresh = joule.charger(id);
    }
    try {
      assertThat(eventLoopOf(id, fresh)).isNotEqualTo(oldLoop);

      assertThat(old.closeCode()).isEqualTo(4000);
      assertThat(fresh.call("[2,\"hb\",\"Heartbeat\",{}]")).startsWith("[3,\"hb\",");
      CompletableFuture<HttpResponse<String>> reset =
          CompletableFuture.supplyAsync(
              () ->
                  joule.post(
                      "/api/v1/chargers/" + id + "/commands/Reset?wait=10s",
                      "{\"type\":\"Soft\"}"));
      JsonNode call = JSON.readTree(fresh.next());
      assertThat(call.get(2).asText()).isEqualTo("Reset");
      fresh.send("[3,\"" + call.get(1).asText() + "\",{\"status\":\"Accepted\"}]");
      HttpResponse<String> response = reset.join();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("accepted");
      assertThat(joule.joule().eventLoopOf(id)).contains(eventLoopOf(id, fresh));
    } finally {
      old.close();
      fresh.close();
    }
  }

  /**
   * The event loop serving {@code charger}: a heartbeat answered proves the gateway registered this
   * connection (the handshake completes before it is registered).
   */
  private static String eventLoopOf(String id, RawCharger charger) {
    assertThat(charger.call("[2,\"probe\",\"Heartbeat\",{}]")).startsWith("[3,\"probe\",");
    return joule.joule().eventLoopOf(id).orElseThrow();
  }
}
