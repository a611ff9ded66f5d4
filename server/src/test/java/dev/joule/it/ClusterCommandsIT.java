package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several gateway nodes: commands from the API node reach a charger wherever it is connected (the
 * registry in NATS KV), events of every node reach the API node's stream, removing a charger closes
 * its connection on whichever gateway holds it, and a killed gateway's charger carries on at
 * another gateway, where a command with a ttl that waited for it arrives.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterCommandsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATUS =
      "[2,\"st1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
          + "\"status\":\"Available\"}]";

  @TempDir Path dir;

  @Test
  void aCommandToTheApiNodeReachesAChargerOnAnotherGatewayAndEveryNodesEventsReachItsStream()
      throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer api = cluster.inProcess("g1", "gateway,api,supervisor");
      JouleServer other = cluster.inProcess("g2", "gateway");
      cluster.processor("p1");
      try (SseClient stream = events(api, "CP-G2");
          RawCharger charger = other.charger("CP-G2")) {
        SseClient.Event connected = stream.next();
        assertThat(connected.type()).isEqualTo("charger.connected");
        assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\",{\"status\":\"Accepted\"");

        CompletableFuture<HttpResponse<String>> reset =
            CompletableFuture.supplyAsync(
                () ->
                    api.post(
                        "/api/v1/chargers/CP-G2/commands/Reset?wait=10s", "{\"type\":\"Soft\"}"));
        String call = charger.next();
        assertThat(call).startsWith("[2,\"").contains("\"Reset\",{\"type\":\"Soft\"}");
        charger.send("[3,\"" + call.split("\"")[1] + "\",{\"status\":\"Accepted\"}]");
        HttpResponse<String> answered = reset.get(15, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(JSON.readTree(answered.body()).path("status").asText()).isEqualTo("accepted");

        // Recorded by the processor node p1, streamed by the API node g1.
        assertThat(charger.call(STATUS)).startsWith("[3,\"st1\"");
        assertThat(nextOfType(stream, "connector.status").data().path("status").asText())
            .isEqualTo("Available");

        // Removed on the API node: its connection on the other gateway node is closed.
        assertThat(api.delete("/api/v1/chargers/CP-G2").statusCode()).isEqualTo(204);
        assertThat(charger.closeCode()).isEqualTo(1008);
      }
    }
  }

  @Test
  void aKilledGatewaysChargerReconnectsElsewhereAndACommandWithTtlWaitsForIt() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer api = cluster.inProcess("g1", "gateway,api,supervisor");
      cluster.processor("p1");
      Cluster.Node killed = cluster.child("g2", "gateway");
      RawCharger first = RawCharger.connect(killed.port(), "CP-MOVE");
      assertThat(first.call(boot("b1"))).startsWith("[3,\"b1\",{\"status\":\"Accepted\"");

      killed.kill();
      HttpResponse<String> queued =
          api.post("/api/v1/chargers/CP-MOVE/commands/Reset?ttl=60s", "{\"type\":\"Hard\"}");
      assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
      long id = JSON.readTree(queued.body()).path("id").asLong();

      // As behind a load balancer: the charger's next connection lands on the other gateway.
      try (RawCharger moved = api.charger("CP-MOVE")) {
        // The waiting command goes out as the connection opens: before or after the boot answer.
        moved.send(boot("b2"));
        List<String> frames = List.of(moved.next(), moved.next());
        assertThat(frames)
            .anySatisfy(f -> assertThat(f).startsWith("[3,\"b2\",{\"status\":\"Accepted\""));
        String call = frames.stream().filter(f -> f.startsWith("[2,")).findFirst().orElseThrow();
        assertThat(call).contains("\"Reset\",{\"type\":\"Hard\"}");
        moved.send("[3,\"" + call.split("\"")[1] + "\",{\"status\":\"Accepted\"}]");
        Await.until(
            () -> "accepted".equals(command(api, id).path("status").asText()),
            Duration.ofSeconds(10));
        assertThat(moved.call("[2,\"h1\",\"Heartbeat\",{}]")).startsWith("[3,\"h1\"");
      }
      first.close();
    }
  }

  private static SseClient events(JouleServer node, String chargerId) {
    return SseClient.open(
        URI.create(node.api("/api/v1/events").toString() + "?chargerId=" + chargerId),
        JouleServer.TOKEN,
        null);
  }

  private static SseClient.Event nextOfType(SseClient stream, String type) {
    for (int i = 0; i < 20; i++) {
      SseClient.Event event = stream.next();
      if (event.type().equals(type)) {
        return event;
      }
    }
    throw new AssertionError("no " + type + " event among the next 20");
  }

  private static JsonNode command(JouleServer node, long id) {
    try {
      return JSON.readTree(node.get("/api/v1/commands/" + id).body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"IT\"}]";
  }
}
