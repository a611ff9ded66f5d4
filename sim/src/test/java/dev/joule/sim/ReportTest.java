package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final Summary.Latency LATENCY =
      new Summary.Latency(10, 1_500_000, 2_000_000, 9_250_000, 12_000_000, 1_700_000.5);

  private static final Summary SUMMARY =
      new Summary(
          "ws://127.0.0.1:8180/ocpp",
          2,
          0.5,
          30,
          0,
          new Summary.Connections(2, 2, 0, 0, 2, 2, 0.75),
          1200,
          40,
          LATENCY,
          List.of(
              new Summary.ActionResult("BootNotification", 2, 2, 0, 0, 0, 0, LATENCY),
              new Summary.ActionResult("Heartbeat", 8, 6, 1, 1, 0, 1, LATENCY)),
          new Summary.ActionResult("total", 10, 8, 1, 1, 0, 1, LATENCY),
          2,
          1,
          1,
          new Summary.Delayed(1_000_000_000L, Instant.parse("2026-12-06T20:00:00.250Z"), 7, 3));

  @Test
  void jsonCarriesTheSummaryWithLatenciesInMilliseconds() {
    JsonObject json = new JsonObject(Report.json(SUMMARY));

    assertThat(json.getString("url")).isEqualTo("ws://127.0.0.1:8180/ocpp");
    assertThat(json.getInteger("chargers")).isEqualTo(2);
    assertThat(json.getDouble("rampSeconds")).isEqualTo(0.5);
    assertThat(json.getJsonObject("connections").getInteger("openAtEnd")).isEqualTo(2);
    assertThat(json.getJsonObject("connections").getDouble("allBootedSeconds")).isEqualTo(0.75);
    assertThat(json.getJsonObject("steady").getDouble("msgPerSecond")).isEqualTo(40.0);
    assertThat(json.getJsonObject("steady").getJsonObject("latencyMs").getDouble("p99"))
        .isEqualTo(9.25);
    JsonArray actions = json.getJsonArray("actions");
    assertThat(actions).hasSize(2);
    JsonObject heartbeat = actions.getJsonObject(1);
    assertThat(heartbeat.getString("action")).isEqualTo("Heartbeat");
    assertThat(heartbeat.getLong("callErrors")).isEqualTo(1);
    assertThat(heartbeat.getLong("timeouts")).isEqualTo(1);
    assertThat(json.getJsonObject("total").getLong("sent")).isEqualTo(10);
    assertThat(json.getLong("unmatchedFrames")).isEqualTo(1);
    JsonObject delayed = json.getJsonObject("delayed");
    assertThat(delayed.getDouble("thresholdMs")).isEqualTo(1000.0);
    assertThat(delayed.getString("from")).isEqualTo("2026-12-06T20:00:00.250Z");
    assertThat(delayed.getLong("calls")).isEqualTo(7);
    assertThat(delayed.getLong("chargers")).isEqualTo(3);
  }

  @Test
  void textHasOneRowPerActionAndTheTotal() {
    String text = Report.text(SUMMARY);

    assertThat(text)
        .contains("2 attempted, 2 opened, 0 failed, 0 dropped, 2 open at the end")
        .contains("booted: 2 of 2, all within 0.750 s of the start")
        .contains("1200 answers in 30 s = 40.0 msg/s")
        .containsPattern("Heartbeat +8 +6 +1 +1 +0 +1 +1\\.500 +2\\.000 +9\\.250 +12\\.000")
        .containsPattern("total +10 +8 +1 +1 +0 +1 ")
        .contains(
            "answered later than 1000 ms (received from 2026-12-06T20:00:00.250Z on): 7 CALLs,"
                + " from 3 chargers");
  }

  @Test
  void notEveryChargerBootedIsNullInJson() {
    Summary partly =
        new Summary(
            SUMMARY.url(),
            2,
            0.5,
            30,
            0,
            new Summary.Connections(2, 1, 1, 0, 1, 1, -1),
            0,
            0,
            LATENCY,
            List.of(),
            SUMMARY.total(),
            0,
            0,
            0,
            new Summary.Delayed(1_000_000_000L, Instant.EPOCH, 0, 0));

    JsonObject connections = new JsonObject(Report.json(partly)).getJsonObject("connections");

    assertThat(connections.getLong("booted")).isEqualTo(1);
    assertThat(connections.containsKey("allBootedSeconds")).isTrue();
    assertThat(connections.getValue("allBootedSeconds")).isNull();
    assertThat(new JsonObject(Report.json(partly)).getJsonObject("delayed").getValue("from"))
        .as("counted over the whole run")
        .isNull();
    assertThat(Report.text(partly)).contains("booted: 1 of 2\n");
  }

  @Test
  void quoteEscapesWhatJsonRequires() {
    assertThat(Report.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\u000ad\"");
  }
}
