package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/events: what happens to chargers, as Server-Sent Events, resumable. */
class EventsIT {
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

  SseClient events(String query, String lastEventId) {
    return SseClient.open(
        URI.create(joule.api("/api/v1/events").toString() + query), JouleServer.TOKEN, lastEventId);
  }

  @Test
  void aChargersLifeArrivesAsEventsInOrder() throws Exception {
    try (SseClient stream = events("?chargerId=CP-EV-1", null)) {
      RawCharger charger = joule.charger("CP-EV-1");
      SseClient.Event connected = stream.next();
      assertThat(connected.type()).isEqualTo("charger.connected");
      assertThat(connected.data().path("chargerId").asText()).isEqualTo("CP-EV-1");

      charger.call(
          "[2,\"s1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\","
              + "\"status\":\"Preparing\"}]");
      SseClient.Event status = stream.next();
      assertThat(status.type()).isEqualTo("connector.status");
      assertThat(status.data().path("connectorId").asInt()).isEqualTo(1);
      assertThat(status.data().path("status").asText()).isEqualTo("Preparing");

      String started =
          charger.call(
              "[2,\"t1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG-EV\","
                  + "\"meterStart\":100,\"timestamp\":\"2026-11-24T08:00:00Z\"}]");
      int transactionId = JSON.readTree(started).get(2).path("transactionId").asInt();
      SseClient.Event start = stream.next();
      assertThat(start.type()).isEqualTo("transaction.started");
      assertThat(start.data().path("transactionId").asInt()).isEqualTo(transactionId);
      assertThat(start.data().path("idTag").asText()).isEqualTo("TAG-EV");

      // a charger retry of the same start is not a second event
      charger.call(
          "[2,\"t1b\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG-EV\","
              + "\"meterStart\":100,\"timestamp\":\"2026-11-24T08:00:00Z\"}]");
      charger.call(
          "[2,\"t2\",\"StopTransaction\",{\"transactionId\":"
              + transactionId
              + ",\"meterStop\":900,\"timestamp\":\"2026-11-24T09:00:00Z\",\"reason\":\"Local\"}]");
      SseClient.Event stop = stream.next();
      assertThat(stop.type()).isEqualTo("transaction.stopped");
      assertThat(stop.data().path("meterStop").asInt()).isEqualTo(900);
      assertThat(stop.data().path("reason").asText()).isEqualTo("Local");

      HttpResponse<String> sent = joule.post("/api/v1/chargers/CP-EV-1/commands/ClearCache", "{}");
      long commandId = JSON.readTree(sent.body()).path("id").asLong();
      String call = charger.next();
      charger.send("[3," + JSON.readTree(call).get(1) + ",{\"status\":\"Accepted\"}]");
      List<String> statuses = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        SseClient.Event command = stream.next();
        assertThat(command.type()).isEqualTo("command.status");
        assertThat(command.data().path("commandId").asLong()).isEqualTo(commandId);
        statuses.add(command.data().path("status").asText());
      }
      assertThat(statuses).containsExactly("queued", "sent", "accepted");

      charger.close();
      SseClient.Event disconnected = stream.next();
      assertThat(disconnected.type()).isEqualTo("charger.disconnected");
      assertThat(disconnected.data().path("replaced").asBoolean()).isFalse();
      assertThat(Long.parseLong(disconnected.id())).isGreaterThan(Long.parseLong(connected.id()));
    }
  }

  @Test
  void aClientThatReconnectsWithLastEventIdGetsWhatItMissed() throws Exception {
    String lastSeen;
    try (SseClient stream = events("?chargerId=CP-EV-2", null)) {
      RawCharger charger = joule.charger("CP-EV-2");
      lastSeen = stream.next().id(); // connected
      charger.close();
    }
    // while no client listens: the disconnect, and a second connection
    Await.until(() -> joule.get("/api/v1/chargers/CP-EV-2").body().contains("\"connected\":false"));
    try (RawCharger again = joule.charger("CP-EV-2")) {
      try (SseClient resumed = events("?chargerId=CP-EV-2", lastSeen)) {
        assertThat(resumed.next().type()).isEqualTo("charger.disconnected");
        SseClient.Event reconnected = resumed.next();
        assertThat(reconnected.type()).isEqualTo("charger.connected");
        assertThat(Long.parseLong(reconnected.id())).isGreaterThan(Long.parseLong(lastSeen));
      }
    }
  }

  @Test
  void theChargerFilterLeavesOtherChargersOut() throws Exception {
    try (SseClient stream = events("?chargerId=CP-EV-3", null)) {
      try (RawCharger other = joule.charger("CP-EV-OTHER")) {
        try (RawCharger mine = joule.charger("CP-EV-3")) {
          SseClient.Event first = stream.next();
          assertThat(first.data().path("chargerId").asText()).isEqualTo("CP-EV-3");
        }
      }
    }
  }

  @Test
  void anIdFromBeforeTheRetainedWindowStartsWithAGap() {
    try (SseClient stream = events("", "1")) {
      SseClient.Event gap = stream.next();
      assertThat(gap.type()).isEqualTo("gap");
      assertThat(gap.data().path("reason").asText()).contains("no longer retained");
    }
  }

  @Test
  void aBadLastEventIdOrFilterIsA400() {
    assertThat(joule.get("/api/v1/events?charger=CP-1").statusCode()).isEqualTo(400);
  }

  @Test
  void aReplacedConnectionsCloseSaysSo() throws Exception {
    try (SseClient stream = events("?chargerId=CP-EV-4", null)) {
      try (RawCharger first = joule.charger("CP-EV-4")) {
        stream.next(e -> e.type().equals("charger.connected"));
        try (RawCharger second = joule.charger("CP-EV-4")) {
          stream.next(e -> e.type().equals("charger.connected"));
          JsonNode closed = stream.next(e -> e.type().equals("charger.disconnected")).data();
          assertThat(closed.path("replaced").asBoolean()).isTrue();
          assertThat(stream.quietFor(Duration.ofMillis(200))).isTrue();
        }
      }
    }
  }
}
