package dev.joule.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Samples stored before V5 keep their rule-4 protection through V5's groups and V18's elements: a
 * redelivery after both adds nothing, and the samples read the same through the view.
 */
class MeterValueMigrationTest {
  @TempDir Path dataDir;

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void aMessageStoredBeforeTheUpgradeAndRedeliveredAfterItAddsNothing() {
    try (EmbeddedPostgres server = TestPostgres.start(dataDir)) {
      Flyway.configure()
          .dataSource(server.jdbcUrl(), null, null)
          .locations("classpath:db/migration")
          .target("4")
          .load()
          .migrate();
      TestPostgres.execute(
          server.jdbcUrl(),
          "INSERT INTO charger (id, registered_at) VALUES ('MIG-1', now())",
          "INSERT INTO meter_value (charger_id, connector_id, transaction_id, timestamp, value,"
              + " measurand, phase, location, received_at, source) VALUES"
              + " ('MIG-1', 1, 5, '"
              + T0
              + "', '10', 'Voltage', 'L1', 'Outlet', now(), 'MeterValues'),"
              + " ('MIG-1', 1, 5, '"
              + T0
              + "', '20', 'SoC', '', 'EV', now(), 'MeterValues')");

      try (Database database = Database.open(server, 2)) {
        PendingWrites writes = new PendingWrites();
        new MeterValueRepository()
            .insert(
                writes,
                "MIG-1",
                1,
                5,
                List.of(
                    new MeterValueRepository.Sample(T0, "20", null, null, "SoC", "", "EV", null),
                    new MeterValueRepository.Sample(
                        T0, "10", null, null, "Voltage", "L1", "Outlet", null)),
                "MeterValues",
                T0.plusSeconds(30));
        database.inTransaction(
            connection -> {
              writes.flush(connection);
              return null;
            });
      }
      assertThat(
              TestPostgres.queryLong(
                  server.jdbcUrl(), "SELECT count(*) FROM meter_value WHERE charger_id = 'MIG-1'"))
          .isEqualTo(2);
      assertThat(
              TestPostgres.queryLong(
                  server.jdbcUrl(),
                  "SELECT count(*) FROM meter_value_element WHERE charger_id = 'MIG-1'"))
          .isEqualTo(1);
    }
  }

  @Test
  void samplesStoredBeforeV18BecomeOneElementPerMessageInTheirOrderAndARedeliveryAddsNothing() {
    try (EmbeddedPostgres server = TestPostgres.start(dataDir)) {
      Flyway.configure()
          .dataSource(server.jdbcUrl(), null, null)
          .locations("classpath:db/migration")
          .target("17")
          .load()
          .migrate();
      List<MeterValueRepository.Sample> first =
          List.of(
              new MeterValueRepository.Sample(T0, "30", null, null, "Voltage", "L3", "Outlet", "V"),
              new MeterValueRepository.Sample(
                  T0, "10", null, null, "Voltage", "L1", "Outlet", "V"));
      TestPostgres.execute(
          server.jdbcUrl(),
          "INSERT INTO charger (id, registered_at) VALUES ('MIG-2', now())",
          "INSERT INTO meter_value_group (charger_id, connector_id, transaction_id, timestamp,"
              + " sample_keys, received_at) VALUES ('MIG-2', 1, 7, '"
              + T0
              + "', '"
              + MeterValueRepository.sampleKeys(first)
              + "', '"
              + T0.plusSeconds(1)
              + "')",
          "INSERT INTO meter_value (charger_id, connector_id, transaction_id, timestamp, value,"
              + " measurand, phase, location, unit, received_at, source) VALUES"
              + " ('MIG-2', 1, 7, '"
              + T0
              + "', '30', 'Voltage', 'L3', 'Outlet', 'V', '"
              + T0.plusSeconds(1)
              + "', 'MeterValues'),"
              + " ('MIG-2', 1, 7, '"
              + T0
              + "', '10', 'Voltage', 'L1', 'Outlet', 'V', '"
              + T0.plusSeconds(1)
              + "', 'MeterValues'),"
              + " ('MIG-2', 1, 7, '"
              + T0.plusSeconds(60)
              + "', '5', 'Energy.Active.Import.Register', '', '', 'Wh', '"
              + T0.plusSeconds(61)
              + "', 'StopTransaction')");

      try (Database database = Database.open(server, 2)) {
        PendingWrites writes = new PendingWrites();
        new MeterValueRepository()
            .insert(writes, "MIG-2", 1, 7, first, "MeterValues", T0.plusSeconds(90));
        database.inTransaction(
            connection -> {
              writes.flush(connection);
              return null;
            });
      }
      assertThat(
              TestPostgres.queryLong(
                  server.jdbcUrl(),
                  "SELECT count(*) FROM meter_value_element WHERE charger_id = 'MIG-2'"))
          .isEqualTo(2);
      assertThat(
              TestPostgres.queryString(
                  server.jdbcUrl(),
                  "SELECT string_agg(value || ' ' || source, ',' ORDER BY timestamp, id)"
                      + " FROM meter_value WHERE charger_id = 'MIG-2'"))
          .isEqualTo("30 MeterValues,10 MeterValues,5 StopTransaction");
    }
  }
}
