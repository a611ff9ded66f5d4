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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-processor rules: no progress for fail-after restarts every worker in-process, and a
 * slow database turns readiness and fires DatabaseSlow. stall-after is set high so that only the
 * whole-processor rule can heal here.
 */
class ProcessingRestartIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  static JouleServer joule;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    joule =
        JouleServer.start(
            dataDir,
            "fault-injection",
            "true",
            "stall-after",
            "60s",
            "fail-after",
            "2s",
            "not-ready-after",
            "1s",
            "db-probe-timeout",
            "1s",
            "alert-resolve-after",
            "1s");
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  @Timeout(60)
  void noProgressForFailAfterRestartsEveryWorkerAndTheCallIsAnswered() throws Exception {
    post("/api/v1/faults/hang-workers", "{\"count\":4,\"seconds\":60}");
    try (RawCharger charger = joule.charger("RESTART-1")) {
      charger.send("[2,\"r-1\",\"Heartbeat\",{}]");
      awaitTrue("not ready", () -> get("/health/ready").statusCode() == 503);
      String answer = charger.next();
      assertThat(answer).startsWith("[3,\"r-1\",{\"currentTime\"");
      JsonNode processing = JSON.readTree(get("/api/v1/health").body()).path("processing");
      assertThat(processing.path("restarts").asLong()).isGreaterThanOrEqualTo(1);
      assertThat(processing.path("stalls").asLong()).as("stall-after never reached").isZero();
      awaitTrue("ready again", () -> get("/health/ready").statusCode() == 200);
    } finally {
      post("/api/v1/faults/clear", "{}");
    }
  }

  @Test
  @Timeout(60)
  void aSlowDatabaseTurnsReadinessAndFiresDatabaseSlow() throws Exception {
    post("/api/v1/faults/slow-db", "{\"millis\":1500,\"seconds\":6}");
    awaitTrue("not ready", () -> get("/health/ready").body().contains("database"));
    awaitTrue(
        "DatabaseSlow fired",
        () ->
            get("/api/v1/alerts")
                .body()
                .contains("\"alert\":\"DatabaseSlow\",\"state\":\"firing\""));
    post("/api/v1/faults/clear", "{}");
    awaitTrue("ready again", () -> get("/health/ready").statusCode() == 200);
    awaitTrue(
        "DatabaseSlow resolved",
        () ->
            get("/api/v1/alerts")
                .body()
                .contains("\"alert\":\"DatabaseSlow\",\"state\":\"resolved\""));
    assertThat(get("/metrics").body()).contains("joule_db_latency_seconds");
  }

  private HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + JouleServer.TOKEN)
            .GET()
            .build());
  }

  private void post(String path, String body) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + JouleServer.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + joule.port() + path);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void awaitTrue(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within 20 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
