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

/** Integration test: {@code /api/v1/transactions} over real PostgreSQL and a real HTTP server. */
@Timeout(60)
class TransactionsApiTest {
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
    for (String charger : List.of("CP-1", "CP-2")) {
      api.sql("INSERT INTO charger (id, registered_at) VALUES (?, ?)", charger, hoursAgo(48));
    }
  }

  private static Instant hoursAgo(int hours) {
    return NOW.minus(Duration.ofHours(hours));
  }

  /** Inserts an open transaction and returns its id. */
  private int start(String charger, int meterStart, Instant startedAt) {
    return api.insert(
        "INSERT INTO charge_transaction (charger_id, connector_id, id_tag, meter_start,"
            + " start_timestamp, start_status, started_received_at)"
            + " VALUES (?, 1, 'TAG-1', ?, ?, 'Accepted', ?)",
        charger,
        meterStart,
        startedAt,
        startedAt);
  }

  private void stop(int transaction, int meterStop, Instant stoppedAt) {
    api.sql(
        "UPDATE charge_transaction SET meter_stop = ?, stop_timestamp = ?, stop_reason = 'Local',"
            + " stop_id_tag = 'TAG-1', stopped_received_at = ? WHERE id = ?",
        meterStop,
        stoppedAt,
        stoppedAt,
        transaction);
  }

  private void sample(
      int transaction,
      Instant at,
      String value,
      String unit,
      String measurand,
      String phase,
      String format) {
    api.sql(
        "INSERT INTO meter_value_element (charger_id, connector_id, transaction_id, timestamp,"
            + " sample_keys, value, context, format, measurand, phase, location, unit,"
            + " received_at, source) VALUES ('CP-1', 1, ?, ?, gen_random_uuid(), ARRAY[?],"
            + " ARRAY['Sample.Periodic'], ARRAY[?], ARRAY[?], ARRAY[?], ARRAY[''], ARRAY[?], ?,"
            + " 'MeterValues')",
        transaction,
        at,
        value,
        format,
        measurand,
        phase,
        unit,
        at.plusSeconds(1));
  }

  private void register(int transaction, Instant at, String value, String unit) {
    sample(transaction, at, value, unit, Energy.REGISTER, "", null);
  }

  private JsonNode transaction(int id) {
    Response response = api.get("/api/v1/transactions/" + id);
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  @Test
  void stoppedTransactionHasAllFieldsAndEnergyFromMeterStop() {
    int id = start("CP-1", 1_000, hoursAgo(3));
    stop(id, 8_500, hoursAgo(2));
    register(id, hoursAgo(2), "99999", "Wh");

    JsonNode transaction = transaction(id);

    assertThat(transaction.get("id").asInt()).isEqualTo(id);
    assertThat(transaction.get("chargerId").asText()).isEqualTo("CP-1");
    assertThat(transaction.get("connectorId").asInt()).isEqualTo(1);
    assertThat(transaction.get("idTag").asText()).isEqualTo("TAG-1");
    assertThat(transaction.get("status").asText()).isEqualTo("stopped");
    assertThat(transaction.get("startTimestamp").asText()).isEqualTo("2026-11-24T09:00:00Z");
    assertThat(transaction.get("stopTimestamp").asText()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(transaction.get("meterStart").asInt()).isEqualTo(1_000);
    assertThat(transaction.get("meterStop").asInt()).isEqualTo(8_500);
    assertThat(transaction.get("energyWh").asLong()).isEqualTo(7_500);
    assertThat(transaction.get("stopReason").asText()).isEqualTo("Local");
    assertThat(transaction.get("stopIdTag").asText()).isEqualTo("TAG-1");
    assertThat(transaction.get("reservationId").isNull()).isTrue();
  }

  @Test
  void openTransactionEnergyIsLatestRegisterInKwhConvertedMinusMeterStart() {
    int id = start("CP-1", 10_000, hoursAgo(3));
    register(id, hoursAgo(3).plusSeconds(60), "10.5", "kWh");
    register(id, hoursAgo(3).plusSeconds(120), "12.3456", "kWh");

    JsonNode transaction = transaction(id);

    assertThat(transaction.get("status").asText()).isEqualTo("open");
    assertThat(transaction.get("stopTimestamp").isNull()).isTrue();
    assertThat(transaction.get("meterStop").isNull()).isTrue();
    assertThat(transaction.get("energyWh").asLong()).isEqualTo(2_346);
  }

  @Test
  void openTransactionEnergyIgnoresPhasesSignedDataAndOtherMeasurands() {
    int id = start("CP-1", 0, hoursAgo(3));
    register(id, hoursAgo(3).plusSeconds(60), "4000", null);
    sample(id, hoursAgo(3).plusSeconds(90), "9000", "Wh", Energy.REGISTER, "L1", null);
    sample(id, hoursAgo(3).plusSeconds(90), "opaque", "Wh", Energy.REGISTER, "", "SignedData");
    sample(id, hoursAgo(3).plusSeconds(90), "7400", "W", "Power.Active.Import", "", null);

    assertThat(transaction(id).get("energyWh").asLong()).isEqualTo(4_000);
  }

  @Test
  void openTransactionWithoutRegisterSampleHasNoEnergy() {
    int id = start("CP-1", 500, hoursAgo(1));

    assertThat(transaction(id).get("energyWh").isNull()).isTrue();
  }

  @Test
  void listFiltersByChargerStatusAndStartTime() {
    int old = start("CP-1", 0, hoursAgo(30));
    stop(old, 100, hoursAgo(29));
    int stopped = start("CP-1", 0, hoursAgo(5));
    stop(stopped, 100, hoursAgo(4));
    int open = start("CP-1", 0, hoursAgo(1));
    int otherCharger = start("CP-2", 0, hoursAgo(2));

    assertThat(ids("/api/v1/transactions")).containsExactly(open, otherCharger, stopped, old);
    assertThat(ids("/api/v1/transactions?chargerId=CP-1")).containsExactly(open, stopped, old);
    assertThat(ids("/api/v1/transactions?status=open")).containsExactly(open, otherCharger);
    assertThat(ids("/api/v1/transactions?status=stopped&chargerId=CP-1"))
        .containsExactly(stopped, old);
    assertThat(ids("/api/v1/transactions?from=2026-11-24T07:00:00Z"))
        .containsExactly(open, otherCharger, stopped);
    assertThat(ids("/api/v1/transactions?from=2026-11-24T07:00:00Z&to=2026-11-24T10:00:00Z"))
        .containsExactly(stopped);
    assertThat(ids("/api/v1/transactions?to=2026-11-24T07:00:00Z")).containsExactly(old);
    // an offset is accepted (+ encoded as %2B); from is inclusive: 11:00+01:00 is 10:00Z
    assertThat(ids("/api/v1/transactions?from=2026-11-24T11:00:00%2B01:00"))
        .containsExactly(open, otherCharger);
  }

  @Test
  void listFiltersByIdTagCaseInsensitively() {
    int tagged = start("CP-1", 0, hoursAgo(3));
    int other = start("CP-1", 0, hoursAgo(2));
    api.sql("UPDATE charge_transaction SET id_tag = 'Fleet-7' WHERE id = ?", other);

    assertThat(ids("/api/v1/transactions?idTag=fleet-7")).containsExactly(other);
    assertThat(ids("/api/v1/transactions?idTag=TAG-1&chargerId=CP-1")).containsExactly(tagged);
    assertThat(ids("/api/v1/transactions?idTag=NO-SUCH")).isEmpty();
  }

  @Test
  void listPagesNewestFirstWithTiesBrokenById() {
    List<Integer> started = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      started.add(start("CP-1", i, hoursAgo(i < 3 ? 1 : 2)));
    }
    List<Integer> seen = new ArrayList<>();
    String path = "/api/v1/transactions?chargerId=CP-1&limit=2";
    while (path != null) {
      JsonNode page = api.get(path).json();
      page.get("items").forEach(item -> seen.add(item.get("id").asInt()));
      path =
          page.get("next").isNull()
              ? null
              : "/api/v1/transactions?chargerId=CP-1&limit=2&cursor=" + page.get("next").asText();
    }
    assertThat(seen)
        .containsExactly(
            started.get(2), started.get(1), started.get(0), started.get(4), started.get(3));
  }

  @Test
  void unknownTransactionIs404() {
    Response response = api.get("/api/v1/transactions/4242");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.error()).isEqualTo("transaction 4242 not found");
  }

  @Test
  void transactionIdThatIsNoIntegerIs400NamingIt() {
    Response response = api.get("/api/v1/transactions/abc");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).startsWith("id: 'abc' is not a transaction id");
  }

  @Test
  void meterValuesAreOldestFirstAndPaged() {
    int id = start("CP-1", 0, hoursAgo(3));
    int other = start("CP-1", 0, hoursAgo(2));
    for (int minute = 5; minute >= 1; minute--) {
      register(id, hoursAgo(3).plusSeconds(60L * minute), Integer.toString(minute * 100), "Wh");
    }
    register(other, hoursAgo(2).plusSeconds(60), "1", "Wh");
    sample(id, hoursAgo(3).plusSeconds(60), "16.2", "A", "Current.Import", "L1", null);

    String path = "/api/v1/transactions/" + id + "/meter-values?limit=4";
    JsonNode first = api.get(path).json();
    JsonNode second = api.get(path + "&cursor=" + first.get("next").asText()).json();

    assertThat(values(first)).containsExactly("100", "16.2", "200", "300");
    assertThat(values(second)).containsExactly("400", "500");
    assertThat(second.get("next").isNull()).isTrue();
    JsonNode current = first.get("items").get(1);
    assertThat(current.get("timestamp").asText()).isEqualTo("2026-11-24T09:01:00Z");
    assertThat(current.get("connectorId").asInt()).isEqualTo(1);
    assertThat(current.get("measurand").asText()).isEqualTo("Current.Import");
    assertThat(current.get("phase").asText()).isEqualTo("L1");
    assertThat(current.get("location").isNull()).isTrue();
    assertThat(current.get("unit").asText()).isEqualTo("A");
    assertThat(current.get("context").asText()).isEqualTo("Sample.Periodic");
    assertThat(current.get("source").asText()).isEqualTo("MeterValues");
    assertThat(current.get("receivedAt").asText()).isEqualTo("2026-11-24T09:01:01Z");
    assertThat(first.get("items").get(0).get("phase").isNull()).isTrue();
  }

  @Test
  void meterValuesOfUnknownTransactionIs404() {
    Response response = api.get("/api/v1/transactions/77/meter-values");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.error()).isEqualTo("transaction 77 not found");
  }

  private static List<Integer> ids(String path) {
    Response response = api.get(path);
    assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
    List<Integer> ids = new ArrayList<>();
    response.json().get("items").forEach(item -> ids.add(item.get("id").asInt()));
    return ids;
  }

  private static List<String> values(JsonNode page) {
    List<String> values = new ArrayList<>();
    page.get("items").forEach(item -> values.add(item.get("value").asText()));
    return values;
  }
}
