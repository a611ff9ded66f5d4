package dev.joule.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch's rows for the high-volume tables, written by one statement per table. */
class PendingWritesTest {
  @TempDir static Path dataDir;
  static EmbeddedPostgres server;
  static Database database;

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final ConnectorStatusRepository statuses = new ConnectorStatusRepository();
  private final MeterValueRepository meterValues = new MeterValueRepository();
  private final ChargerRepository chargers = new ChargerRepository();

  @BeforeAll
  static void start() {
    server = TestPostgres.start(dataDir);
    database = Database.open(server, 2);
  }

  @AfterAll
  static void stop() {
    database.close();
    server.close();
  }

  @Test
  void severalReportsForOneConnectorKeepEveryHistoryRowAndTheLastReceivedAsCurrent() {
    register("PW-1");
    PendingWrites writes = new PendingWrites();
    // Added out of receive order: the later-received one must become current.
    statuses.record(writes, "PW-1", "c-2", report(1, "Charging"), T0.plusSeconds(2));
    statuses.record(writes, "PW-1", "c-1", report(1, "Preparing"), T0.plusSeconds(1));
    statuses.record(writes, "PW-1", "c-3", report(2, "Available"), T0.plusSeconds(1));

    commit(writes);

    assertThat(strings("SELECT call_id FROM connector_status_history WHERE charger_id = 'PW-1'"))
        .containsExactlyInAnyOrder("c-1", "c-2", "c-3");
    assertThat(
            strings(
                "SELECT connector_id || ':' || status FROM connector_status"
                    + " WHERE charger_id = 'PW-1' ORDER BY connector_id"))
        .containsExactly("1:Charging", "2:Available");
  }

  @Test
  void aReportReceivedBeforeTheCurrentOneDoesNotReplaceIt() {
    register("PW-2");
    PendingWrites first = new PendingWrites();
    statuses.record(first, "PW-2", "c-1", report(1, "Charging"), T0.plusSeconds(5));
    commit(first);

    PendingWrites late = new PendingWrites();
    statuses.record(late, "PW-2", "c-0", report(1, "Preparing"), T0);
    commit(late);

    assertThat(strings("SELECT status FROM connector_status WHERE charger_id = 'PW-2'"))
        .containsExactly("Charging");
    assertThat(strings("SELECT call_id FROM connector_status_history WHERE charger_id = 'PW-2'"))
        .hasSize(2);
  }

  @Test
  void heartbeatsOfOneChargerInOneBatchLeaveTheLatest() {
    register("PW-3");
    register("PW-4");
    PendingWrites writes = new PendingWrites();
    chargers.recordHeartbeat(writes, "PW-3", T0.plusSeconds(9));
    chargers.recordHeartbeat(writes, "PW-3", T0.plusSeconds(3));
    chargers.recordHeartbeat(writes, "PW-4", T0.plusSeconds(4));

    commit(writes);

    assertThat(
            strings(
                "SELECT id || ' ' || extract(epoch FROM last_heartbeat_at)::bigint FROM charger"
                    + " WHERE id IN ('PW-3', 'PW-4') ORDER BY id"))
        .containsExactly(
            "PW-3 " + T0.plusSeconds(9).getEpochSecond(),
            "PW-4 " + T0.plusSeconds(4).getEpochSecond());
  }

  @Test
  void aSampleRepeatedInOneBatchOrAcrossBatchesIsStoredOnce() {
    register("PW-5");
    List<MeterValueRepository.Sample> samples =
        List.of(sample("100", "L1"), sample("200", "L2"), sample("100", "L1"));
    PendingWrites writes = new PendingWrites();
    meterValues.insert(writes, "PW-5", 1, 7, samples, "MeterValues", T0);
    meterValues.insert(writes, "PW-5", 1, null, List.of(sample("5", "")), "MeterValues", T0);
    commit(writes);
    PendingWrites again = new PendingWrites();
    meterValues.insert(again, "PW-5", 1, 7, samples, "MeterValues", T0.plusSeconds(1));
    commit(again);

    assertThat(
            strings(
                "SELECT coalesce(transaction_id::text, '-') || ' ' || phase || ' ' || value"
                    + " FROM meter_value WHERE charger_id = 'PW-5' ORDER BY value"))
        .containsExactly("7 L1 100", "7 L2 200", "- " + " 5");
  }

  @Test
  void anotherSetOfSamplesAtTheSameTimestampIsANewGroupAndTheSameSetIsNot() {
    register("PW-7");
    PendingWrites first = new PendingWrites();
    meterValues.insert(
        first, "PW-7", 1, 9, List.of(sample("1", "L1"), sample("2", "L2")), "MeterValues", T0);
    commit(first);
    PendingWrites later = new PendingWrites();
    // The same set again (a retry with other values must not add), then a different set.
    meterValues.insert(
        later, "PW-7", 1, 9, List.of(sample("8", "L2"), sample("9", "L1")), "MeterValues", T0);
    meterValues.insert(later, "PW-7", 1, 9, List.of(sample("3", "L3")), "MeterValues", T0);
    commit(later);

    assertThat(strings("SELECT value FROM meter_value WHERE charger_id = 'PW-7' ORDER BY value"))
        .containsExactly("1", "2", "3");
  }

  @Test
  void theGroupKeyIsTheMd5PostgreSqlComputesForTheV5Backfill() {
    List<MeterValueRepository.Sample> group =
        List.of(
            new MeterValueRepository.Sample(T0, "1", null, null, "Voltage", "L2", "Outlet", "V"),
            new MeterValueRepository.Sample(T0, "2", null, null, "SoC", "", "EV", "Percent"),
            new MeterValueRepository.Sample(T0, "3", null, null, "Voltage", "L1", "Outlet", "V"),
            new MeterValueRepository.Sample(T0, "3", null, null, "SoC", "", "EV", "Percent"));

    assertThat(MeterValueRepository.sampleKeys(group).toString())
        .isEqualTo(
            strings(
                    "SELECT md5(string_agg(k, ',' ORDER BY k COLLATE \"C\"))::uuid::text FROM"
                        + " (VALUES ('Voltage/L2/Outlet'), ('SoC//EV'), ('Voltage/L1/Outlet')) AS"
                        + " keys (k)")
                .getFirst());
  }

  @Test
  void anElementsSamplesComeBackThroughTheViewAsSentWithTheirOrderNullsAndOddCharacters() {
    register("PW-8");
    PendingWrites writes = new PendingWrites();
    List<MeterValueRepository.Sample> element =
        List.of(
            new MeterValueRepository.Sample(
                T0, "say \"hi\"", "Other", null, "Voltage", "L2", "Outlet", "V"),
            new MeterValueRepository.Sample(
                T0, "a\\b,{c}", null, "SignedData", "SoC", "", "EV", null),
            new MeterValueRepository.Sample(T0, "NULL", null, null, "Power.Offered", "", "", "W"));
    meterValues.insert(writes, "PW-8", 2, null, element, "MeterValues", T0);
    // The same element twice in one batch is stored once.
    meterValues.insert(writes, "PW-8", 2, null, element, "MeterValues", T0);
    commit(writes);

    assertThat(
            strings(
                "SELECT concat_ws('|', value, coalesce(context, '-'), coalesce(format, '-'),"
                    + " measurand, phase, location, coalesce(unit, '-'), connector_id,"
                    + " coalesce(transaction_id, -1), source)"
                    + " FROM meter_value WHERE charger_id = 'PW-8' ORDER BY timestamp, id"))
        .containsExactly(
            "say \"hi\"|Other|-|Voltage|L2|Outlet|V|2|-1|MeterValues",
            "a\\b,{c}|-|SignedData|SoC||EV|-|2|-1|MeterValues",
            "NULL|-|-|Power.Offered|||W|2|-1|MeterValues");
    assertThat(strings("SELECT count(*)::text FROM meter_value_element WHERE charger_id = 'PW-8'"))
        .containsExactly("1");
  }

  @Test
  void anArrayLiteralQuotesEveryElementAndEscapesQuotesAndBackslashes() {
    List<MeterValueRepository.Sample> samples =
        List.of(
            new MeterValueRepository.Sample(T0, "1", null, null, "m", "", "", null),
            new MeterValueRepository.Sample(T0, "x\"y\\z", null, null, "m", "", "", null));
    assertThat(MeterValueRepository.arrayLiteral(samples, MeterValueRepository.Sample::value))
        .isEqualTo("{\"1\",\"x\\\"y\\\\z\"}");
    assertThat(MeterValueRepository.arrayLiteral(samples, MeterValueRepository.Sample::unit))
        .isEqualTo("{NULL,NULL}");
  }

  @Test
  void aRefusedRowFailsTheFlushAndDiscardedRowsAreNeverWritten() {
    register("PW-6");
    PendingWrites refused = new PendingWrites();
    statuses.record(refused, "PW-6", "c-1", report(1, null), T0); // status is NOT NULL

    assertThatThrownBy(() -> commit(refused))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("23502");
    assertThat(refused.isEmpty()).isTrue();

    PendingWrites discarded = new PendingWrites();
    statuses.record(discarded, "PW-6", "c-2", report(1, "Available"), T0);
    discarded.discard();
    commit(discarded);
    assertThat(strings("SELECT call_id FROM connector_status_history WHERE charger_id = 'PW-6'"))
        .isEmpty();
  }

  private static ConnectorStatusRepository.StatusReport report(int connector, String status) {
    return new ConnectorStatusRepository.StatusReport(
        connector, status, "NoError", null, null, null, null);
  }

  private static MeterValueRepository.Sample sample(String value, String phase) {
    return new MeterValueRepository.Sample(
        T0, value, null, null, "Energy.Active.Import.Register", phase, "", "Wh");
  }

  private void register(String chargerId) {
    database.inTransaction(connection -> chargers.register(connection, chargerId, T0));
  }

  private static void commit(PendingWrites writes) {
    database.inTransaction(
        connection -> {
          writes.flush(connection);
          return null;
        });
  }

  private static List<String> strings(String sql) {
    return database.inTransaction(
        connection -> {
          List<String> values = new ArrayList<>();
          try (PreparedStatement query = connection.prepareStatement(sql);
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              values.add(rows.getString(1));
            }
          }
          return values;
        });
  }
}
