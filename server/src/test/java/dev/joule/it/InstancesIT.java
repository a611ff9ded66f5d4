package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instance-level supervision on NATS KV: every node's heartbeat, judged by the acting supervisor,
 * shown on every node's health and metrics, and alerted when an instance stalls or goes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InstancesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void healthAndMetricsListEveryNodeOfTheCluster() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer gateway = cluster.inProcess("g1", "gateway,api,supervisor");
      cluster.processor("p1");

      Await.until(() -> "live".equals(state(gateway, "p1")), Duration.ofSeconds(10));
      JsonNode health = health(gateway);
      assertThat(health.path("supervisor").asText()).isEqualTo("g1");
      assertThat(state(gateway, "g1")).isEqualTo("live");
      JsonNode p1 = instance(health, "p1");
      assertThat(p1.path("roles").toString()).isEqualTo("[\"processor\"]");
      assertThat(p1.path("pid").asLong()).isPositive();
      assertThat(gateway.get("/metrics").body())
          .contains("joule_instance_up{instance=\"p1\",roles=\"processor\"} 1.0")
          .contains("joule_instance_up{instance=\"g1\",roles=\"api,gateway,supervisor\"} 1.0");
    }
  }

  @Test
  void aFrozenProcessorIsAlertedByNameWhileTheOtherAnswersAndResolvesWhenItContinues()
      throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer gateway =
          cluster.inProcess("g1", "gateway,api,supervisor", "alert-resolve-after", "2s");
      Cluster.Node frozen = cluster.processor("p1");
      cluster.processor("p2");
      Await.until(() -> "live".equals(state(gateway, "p2")), Duration.ofSeconds(10));
      try (RawCharger charger = gateway.charger("CP-INSTANCE")) {
        assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"");

        frozen.signal("STOP");
        Await.until(() -> firing(gateway, "ProcessingStalled", "p1"), Duration.ofSeconds(10));
        assertThat(state(gateway, "p1")).isEqualTo("gone");
        // The alert follows the state on the evaluator's next tick.
        Await.until(() -> firing(gateway, "InstanceGone", "p1"), Duration.ofSeconds(5));
        assertThat(charger.call("[2,\"h1\",\"Heartbeat\",{}]")).startsWith("[3,\"h1\"");

        // The acting supervisor (g1) alone writes the status: p1's row, one incident naming it.
        Await.until(() -> "major_outage".equals(nodeRow(gateway, "message-processing", "p1")));
        assertThat(nodeRow(gateway, "message-processing", "p2")).isEqualTo("operational");
        Await.until(
            () ->
                gateway.get("/api/v1/incidents").body().contains("p1")
                    && gateway.count("SELECT count(*) FROM incident WHERE automatic") == 1);
        assertThat(gateway.count("SELECT count(*) FROM incident WHERE automatic")).isEqualTo(1);

        frozen.signal("CONT");
        Await.until(() -> "live".equals(state(gateway, "p1")), Duration.ofSeconds(10));
        Await.until(
            () -> resolved(gateway, "ProcessingStalled") && resolved(gateway, "InstanceGone"),
            Duration.ofSeconds(20));
        assertThat(charger.call("[2,\"h2\",\"Heartbeat\",{}]")).startsWith("[3,\"h2\"");
      }
    }
  }

  @Test
  void aWorkerHungInsideAProcessorIsHealedByItsNodeAndTheClusterIncidentQuotesIt()
      throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer gateway =
          cluster.inProcess("g1", "gateway,api,supervisor", "alert-resolve-after", "2s");
      Cluster.Node processor =
          cluster.child(
              "p1",
              "processor",
              Map.of(
                  "JOULE_FAULT_INJECTION",
                  "true",
                  "JOULE_WORKERS",
                  "1",
                  "JOULE_API_TOKEN",
                  JouleServer.TOKEN));
      Await.until(() -> "live".equals(state(gateway, "p1")), Duration.ofSeconds(10));
      HttpClient http = HttpClient.newHttpClient();
      try (RawCharger charger = gateway.charger("CP-HUNG")) {
        assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"");
        HttpResponse<String> hang =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + processor.port() + "/api/v1/faults/hang-workers"))
                    .header("Authorization", "Bearer " + JouleServer.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"count\":1,\"seconds\":30}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hang.statusCode()).isEqualTo(200);

        // Its one worker hangs on its next batch, this CALL; p1's own supervisor replaces it after
        // stall-after (5 s), and the replacement answers it.
        long sent = System.nanoTime();
        assertThat(charger.call("[2,\"h1\",\"Heartbeat\",{}]")).startsWith("[3,\"h1\"");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(10));

        Await.until(
            () -> firing(gateway, "ProcessingStalled", "p1 (processor"), Duration.ofSeconds(10));
        Await.until(
            () ->
                IncidentsJson.texts(gateway, "identified").stream()
                    .anyMatch(t -> t.startsWith("instance p1: worker ")),
            Duration.ofSeconds(10));
        assertThat(instance(health(gateway), "p1").path("healings").asLong()).isPositive();
        Await.until(() -> resolved(gateway, "ProcessingStalled"), Duration.ofSeconds(20));
      }
    }
  }

  @Test
  void aSecondLiveNodeWithTheSameIdRefusesToStartWithOneLine() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      cluster.inProcess("g1", "gateway,api,supervisor");
      Cluster.Node first = cluster.processor("p1");

      Cluster.Node second = cluster.launch("p1", "processor");
      assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(second.process.exitValue()).isEqualTo(3);
      assertThat(Files.readString(second.log))
          .contains("joule: could not start: node-id: another live node already runs as 'p1'")
          .doesNotContain("Joule ready");
      assertThat(first.process.isAlive()).isTrue();
    }
  }

  @Test
  void aNodeKilledAndStartedAgainTakesItsIdBack() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer gateway = cluster.inProcess("g1", "gateway,api,supervisor");
      Cluster.Node first = cluster.processor("p1");
      Await.until(() -> "live".equals(state(gateway, "p1")), Duration.ofSeconds(10));
      long firstPid = first.process.pid();

      first.kill();
      Cluster.Node again = cluster.processor("p1");

      Await.until(
          () -> instance(health(gateway), "p1").path("pid").asLong() == again.process.pid(),
          Duration.ofSeconds(10));
      assertThat(again.process.pid()).isNotEqualTo(firstPid);
      assertThat(state(gateway, "p1")).isEqualTo("live");
    }
  }

  @Test
  void whenTheActingSupervisorIsKilledAnotherTakesOver() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      Cluster.Node first = cluster.child("s1", "supervisor");
      JouleServer gateway = cluster.inProcess("g1", "gateway,api,supervisor");
      Await.until(() -> "s1".equals(health(gateway).path("supervisor").asText()));

      first.kill();

      Await.until(
          () -> "g1".equals(health(gateway).path("supervisor").asText()), Duration.ofSeconds(10));
      Await.until(() -> firing(gateway, "InstanceGone", "s1"), Duration.ofSeconds(10));
    }
  }

  private static JsonNode health(JouleServer node) {
    try {
      return JSON.readTree(node.get("/api/v1/health").body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode instance(JsonNode health, String id) {
    for (JsonNode instance : health.path("instances")) {
      if (instance.path("id").asText().equals(id)) {
        return instance;
      }
    }
    return JSON.missingNode();
  }

  private static String state(JouleServer node, String id) {
    return instance(health(node), id).path("state").asText();
  }

  /** The state /status.json shows for node {@code id} under {@code component}. */
  private static String nodeRow(JouleServer node, String component, String id) {
    try {
      for (JsonNode c : JSON.readTree(node.get("/status.json").body()).path("components")) {
        if (c.path("id").asText().equals(component)) {
          for (JsonNode row : c.path("instances")) {
            if (row.path("name").asText().equals(id)) {
              return row.path("status").asText();
            }
          }
        }
      }
      return "";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<JsonNode> alerts(JouleServer node) {
    try {
      List<JsonNode> items = new ArrayList<>();
      // The acting supervisor's own transitions, newest first (every node records its own).
      JSON.readTree(node.get("/api/v1/alerts?node=g1").body()).path("items").forEach(items::add);
      return items;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean firing(JouleServer node, String alert, String naming) {
    return alerts(node).stream()
        .anyMatch(
            a ->
                a.path("alert").asText().equals(alert)
                    && a.path("state").asText().equals("firing")
                    && a.path("text").asText().contains(naming));
  }

  private static boolean resolved(JouleServer node, String alert) {
    for (JsonNode a : alerts(node)) {
      if (a.path("alert").asText().equals(alert)) {
        return a.path("state").asText().equals("resolved");
      }
    }
    return false;
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"IT\"}]";
  }
}
