package dev.joule.api;

import static dev.joule.api.ApiFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.api.ApiFixture.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Integration test: {@code /api/v1/chargers} over real PostgreSQL and a real HTTP server. */
@Timeout(60)
class ChargersApiTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @BeforeEach
  void reset() throws Exception {
    api.reset();
  }

  private static Instant minutesAgo(int minutes) {
    return NOW.minus(Duration.ofMinutes(minutes));
  }

  private void charger(String id) {
    api.sql("INSERT INTO charger (id, registered_at) VALUES (?, ?)", id, minutesAgo(600));
  }

  private void bootedCharger(String id) {
    api.sql(
        "INSERT INTO charger (id, registered_at, registration_status, vendor, model,"
            + " charge_point_serial, charge_box_serial, firmware_version, iccid, imsi, meter_type,"
            + " meter_serial, last_boot_at, last_heartbeat_at, last_seen_at)"
            + " VALUES (?, ?, 'Accepted', 'Acme', 'AC22', 'CPS-1', 'CBS-1', '1.2.3', '8931',"
            + " '2620', 'Acme Meter', 'M-77', ?, ?, ?)",
        id,
        minutesAgo(600),
        minutesAgo(60),
        minutesAgo(2),
        minutesAgo(1));
  }

  private void status(String charger, int connector, String status, Instant receivedAt) {
    api.sql(
        "INSERT INTO connector_status (charger_id, connector_id, status, error_code, info,"
            + " vendor_id, vendor_error_code, charger_timestamp, received_at)"
            + " VALUES (?, ?, ?, 'NoError', 'ok', 'Acme', 'E0', ?, ?)",
        charger,
        connector,
        status,
        receivedAt.minusSeconds(1),
        receivedAt);
  }

  private void history(String charger, int connector, String status, Instant receivedAt) {
    api.sql(
        "INSERT INTO connector_status_history (charger_id, connector_id, status, error_code,"
            + " received_at, call_id) VALUES (?, ?, ?, 'NoError', ?, ?)",
        charger,
        connector,
        status,
        receivedAt,
        "call-" + receivedAt.toEpochMilli() + "-" + connector);
  }

  @Test
  void listShowsChargersWithConnectorsAndWhetherConnected() {
    bootedCharger("CP-1");
    charger("CP-2");
    status("CP-1", 1, "Charging", minutesAgo(5));
    status("CP-1", 0, "Available", minutesAgo(50));
    api.connections.connected.put("CP-1", minutesAgo(30));

    Response response = api.get("/api/v1/chargers");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).contains("application/json");
    JsonNode items = response.json().get("items");
    assertThat(items).hasSize(2);
    assertThat(response.json().get("next").isNull()).isTrue();
    JsonNode first = items.get(0);
    assertThat(first.get("id").asText()).isEqualTo("CP-1");
    assertThat(first.get("vendor").asText()).isEqualTo("Acme");
    assertThat(first.get("model").asText()).isEqualTo("AC22");
    assertThat(first.get("firmware").asText()).isEqualTo("1.2.3");
    assertThat(first.get("registrationStatus").asText()).isEqualTo("Accepted");
    assertThat(first.get("lastSeen").asText()).isEqualTo("2026-11-24T11:59:00Z");
    assertThat(first.get("lastBoot").asText()).isEqualTo("2026-11-24T11:00:00Z");
    assertThat(first.get("connected").asBoolean()).isTrue();
    assertThat(first.get("connectedSince").asText()).isEqualTo("2026-11-24T11:30:00Z");
    JsonNode connectors = first.get("connectors");
    assertThat(connectors).hasSize(2);
    assertThat(connectors.get(0).get("connectorId").asInt()).isZero();
    JsonNode charging = connectors.get(1);
    assertThat(charging.get("connectorId").asInt()).isEqualTo(1);
    assertThat(charging.get("status").asText()).isEqualTo("Charging");
    assertThat(charging.get("errorCode").asText()).isEqualTo("NoError");
    assertThat(charging.get("info").asText()).isEqualTo("ok");
    assertThat(charging.get("vendorErrorCode").asText()).isEqualTo("E0");
    assertThat(charging.get("chargerTimestamp").asText()).isEqualTo("2026-11-24T11:54:59Z");
    assertThat(charging.get("receivedAt").asText()).isEqualTo("2026-11-24T11:55:00Z");

    JsonNode second = items.get(1);
    assertThat(second.get("id").asText()).isEqualTo("CP-2");
    assertThat(second.get("connected").asBoolean()).isFalse();
    assertThat(second.get("connectedSince").isNull()).isTrue();
    assertThat(second.get("vendor").isNull()).isTrue();
    assertThat(second.get("connectors")).isEmpty();
  }

  @Test
  void listPagesThroughEveryChargerOnceWithCursor() {
    for (String id : List.of("CP-5", "CP-3", "CP-1", "CP-4", "CP-2")) {
      charger(id);
    }
    List<String> seen = new ArrayList<>();
    String path = "/api/v1/chargers?limit=2";
    int pages = 0;
    while (true) {
      JsonNode page = api.get(path).json();
      pages++;
      page.get("items").forEach(item -> seen.add(item.get("id").asText()));
      if (page.get("next").isNull()) {
        break;
      }
      assertThat(page.get("items")).hasSize(2);
      path = "/api/v1/chargers?limit=2&cursor=" + page.get("next").asText();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("CP-1", "CP-2", "CP-3", "CP-4", "CP-5");
  }

  @Test
  void fullPageWithNothingAfterHasNoNext() {
    charger("CP-1");
    charger("CP-2");

    JsonNode page = api.get("/api/v1/chargers?limit=2").json();

    assertThat(page.get("items")).hasSize(2);
    assertThat(page.get("next").isNull()).isTrue();
  }

  @Test
  void oneChargerHasBootDetails() {
    bootedCharger("CP-1");
    status("CP-1", 1, "Available", minutesAgo(5));

    Response response = api.get("/api/v1/chargers/CP-1");

    assertThat(response.status()).isEqualTo(200);
    JsonNode charger = response.json();
    assertThat(charger.get("id").asText()).isEqualTo("CP-1");
    assertThat(charger.get("vendor").asText()).isEqualTo("Acme");
    assertThat(charger.get("connected").asBoolean()).isFalse();
    assertThat(charger.get("connectors").get(0).get("status").asText()).isEqualTo("Available");
    assertThat(charger.get("registeredAt").asText()).isEqualTo("2026-11-24T02:00:00Z");
    assertThat(charger.get("lastHeartbeat").asText()).isEqualTo("2026-11-24T11:58:00Z");
    JsonNode boot = charger.get("boot");
    assertThat(boot.get("chargePointSerial").asText()).isEqualTo("CPS-1");
    assertThat(boot.get("chargeBoxSerial").asText()).isEqualTo("CBS-1");
    assertThat(boot.get("iccid").asText()).isEqualTo("8931");
    assertThat(boot.get("imsi").asText()).isEqualTo("2620");
    assertThat(boot.get("meterType").asText()).isEqualTo("Acme Meter");
    assertThat(boot.get("meterSerial").asText()).isEqualTo("M-77");
  }

  @Test
  void chargerIdWithColonAndSpaceIsFoundPercentEncoded() {
    charger("CP:01 A");

    Response response = api.get("/api/v1/chargers/CP:01%20A");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("id").asText()).isEqualTo("CP:01 A");
  }

  @Test
  void unknownChargerIs404Json() {
    Response response = api.get("/api/v1/chargers/nope");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.error()).isEqualTo("charger 'nope' not found");
  }

  @Test
  void statusHistoryIsNewestFirstAndPaged() {
    charger("CP-1");
    charger("CP-2");
    for (int minute = 1; minute <= 5; minute++) {
      history("CP-1", 1, "S" + minute, minutesAgo(60 - minute));
    }
    history("CP-2", 1, "other charger", minutesAgo(1));

    JsonNode first = api.get("/api/v1/chargers/CP-1/status-history?limit=3").json();
    JsonNode second =
        api.get("/api/v1/chargers/CP-1/status-history?limit=3&cursor=" + first.get("next").asText())
            .json();

    assertThat(statuses(first)).containsExactly("S5", "S4", "S3");
    assertThat(statuses(second)).containsExactly("S2", "S1");
    assertThat(second.get("next").isNull()).isTrue();
    JsonNode newest = first.get("items").get(0);
    assertThat(newest.get("connectorId").asInt()).isEqualTo(1);
    assertThat(newest.get("errorCode").asText()).isEqualTo("NoError");
    assertThat(newest.get("receivedAt").asText()).isEqualTo("2026-11-24T11:05:00Z");
    assertThat(newest.get("chargerTimestamp").isNull()).isTrue();
  }

  @Test
  void statusHistoryCanBeNarrowedToOneConnector() {
    charger("CP-1");
    history("CP-1", 1, "Charging", minutesAgo(3));
    history("CP-1", 2, "Faulted", minutesAgo(2));

    JsonNode page = api.get("/api/v1/chargers/CP-1/status-history?connectorId=2").json();

    assertThat(statuses(page)).containsExactly("Faulted");
  }

  @Test
  void statusHistoryOfUnknownChargerIs404() {
    Response response = api.get("/api/v1/chargers/ghost/status-history");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.error()).isEqualTo("charger 'ghost' not found");
  }

  @Test
  void statusHistoryOfKnownChargerWithoutHistoryIsEmpty() {
    charger("CP-1");

    Response response = api.get("/api/v1/chargers/CP-1/status-history");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("items")).isEmpty();
  }

  private static List<String> statuses(JsonNode page) {
    List<String> statuses = new ArrayList<>();
    page.get("items").forEach(item -> statuses.add(item.get("status").asText()));
    return statuses;
  }
}
