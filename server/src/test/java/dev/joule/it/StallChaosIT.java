package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident, rehearsed: steady load from 100 real WebSocket chargers on the real embedded
 * PostgreSQL, then half the processing workers hang while holding their messages, then all of them.
 * Every CALL must still get exactly one answer, every effect must happen exactly once, the stall
 * alert must fire and resolve, and readiness must turn and recover (DESIGN.md rules 4–6).
 */
class StallChaosIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHARGERS = 100;

  @TempDir Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Timeout(180)
  void hungWorkersAreReplacedAndEveryCallIsAnsweredExactlyOnce() throws Exception {
    try (JouleServer joule =
        JouleServer.start(
            dataDir,
            "fault-injection",
            "true",
            "workers",
            "4",
            "stall-after",
            "2s",
            "not-ready-after",
            "1s",
            "alert-stall-held",
            "1s",
            "alert-resolve-after",
            "2s",
            "message-log",
            "false")) {
      HttpClient socketClient = HttpClient.newHttpClient();
      List<LoadCharger> chargers = new ArrayList<>();
      for (int i = 0; i < CHARGERS; i++) {
        chargers.add(
            LoadCharger.connect(socketClient, joule.port(), "CHAOS-" + i, Duration.ofMillis(200)));
      }
      ConcurrentLinkedQueue<Integer> readiness = new ConcurrentLinkedQueue<>();
      Thread watcher =
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      readiness.add(get(joule, "/health/ready").statusCode());
                      try {
                        Thread.sleep(50);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
      chargers.forEach(LoadCharger::start);
      awaitTrue("steady load", Duration.ofSeconds(30), () -> processed(joule) > 500);

      post(joule, "/api/v1/faults/hang-workers", "{\"count\":2,\"seconds\":60}");
      awaitTrue("two stalls replaced", Duration.ofSeconds(15), () -> stalls(joule) >= 2);
      long afterHalf = processed(joule);
      awaitTrue(
          "progress after half hung",
          Duration.ofSeconds(15),
          () -> processed(joule) > afterHalf + 200);

      readiness.clear();
      post(joule, "/api/v1/faults/hang-workers", "{\"count\":4,\"seconds\":60}");
      awaitTrue("every worker replaced", Duration.ofSeconds(15), () -> stalls(joule) >= 6);
      long afterAll = processed(joule);
      awaitTrue(
          "progress after all hung",
          Duration.ofSeconds(15),
          () -> processed(joule) > afterAll + 200);
      awaitTrue(
          "ready again",
          Duration.ofSeconds(10),
          () -> get(joule, "/health/ready").statusCode() == 200);
      assertThat(readiness).as("readiness while every worker hung").contains(503);

      chargers.forEach(LoadCharger::stop);
      for (LoadCharger charger : chargers) {
        charger.awaitStopped();
      }
      post(joule, "/api/v1/faults/clear", "{}"); // the abandoned workers wake up: late results
      watcher.interrupt();

      awaitTrue(
          "stall alert resolved",
          Duration.ofSeconds(20),
          () -> alertStates(joule, "ProcessingStalled").contains("resolved"));
      assertThat(alertStates(joule, "ProcessingStalled")).startsWith("firing", "resolved");

      long calls = 0;
      Set<Integer> transactionIds = new HashSet<>();
      int starts = 0;
      int meterValues = 0;
      List<String> problems = new ArrayList<>();
      for (LoadCharger charger : chargers) {
        charger.answers.forEach(
            (callId, count) -> {
              if (count.get() != 1) {
                problems.add(callId + " answered " + count.get() + " times");
              }
            });
        calls += charger.answers.size();
        problems.addAll(charger.errors);
        assertThat(charger.unanswered).hasValue(0);
        transactionIds.addAll(charger.transactionIds);
        starts += charger.transactionIds.size();
        meterValues += charger.meterValuesSent.get();
        charger.close();
      }
      assertThat(problems).as("CALLs not answered exactly once with a result").isEmpty();
      assertThat(calls).isGreaterThan(1000);
      assertThat(transactionIds).as("one transaction per StartTransaction").hasSize(starts);
      assertThat(
              joule.count(
                  "SELECT count(*) FROM charge_transaction WHERE charger_id LIKE 'CHAOS-%'"))
          .as("transactions recorded once each")
          .isEqualTo(starts);
      assertThat(joule.count("SELECT count(*) FROM meter_value WHERE charger_id LIKE 'CHAOS-%'"))
          .as("meter values recorded once each")
          .isEqualTo(meterValues);
      assertThat(stalls(joule)).isGreaterThanOrEqualTo(6);
    }
  }

  private long processed(JouleServer joule) {
    return health(joule).path("processing").path("processed").asLong();
  }

  private long stalls(JouleServer joule) {
    return health(joule).path("processing").path("stalls").asLong();
  }

  private JsonNode health(JouleServer joule) {
    return read(get(joule, "/api/v1/health").body());
  }

  private List<String> alertStates(JouleServer joule, String alert) {
    List<String> states = new ArrayList<>();
    for (JsonNode event : read(get(joule, "/api/v1/alerts?alert=" + alert).body()).path("items")) {
      states.addFirst(event.path("state").asText()); // the history is newest first
    }
    return states;
  }

  private HttpResponse<String> get(JouleServer joule, String path) {
    return send(
        HttpRequest.newBuilder(uri(joule, path))
            .header("Authorization", "Bearer " + JouleServer.TOKEN)
            .GET()
            .build());
  }

  private void post(JouleServer joule, String path, String body) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(joule, path))
                .header("Authorization", "Bearer " + JouleServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
  }

  private static URI uri(JouleServer joule, String path) {
    return URI.create("http://127.0.0.1:" + joule.port() + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }

  private static void awaitTrue(String what, Duration limit, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
