package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.alerting.AlertEvent;
import dev.joule.alerting.Severity;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import dev.joule.store.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The incident machine on a real PostgreSQL: which components an automatic incident takes in. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IncidentMachineTest {
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final Set<String> STALLED = Set.of("ProcessingStalled");

  @TempDir static Path dataDir;
  static EmbeddedPostgres server;
  static Database database;

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

  private static List<Judged> judged(ComponentState processing, ComponentState connections) {
    return List.of(
        new Judged(Component.OCPP_CONNECTIONS, "", connections, ""),
        new Judged(Component.MESSAGE_PROCESSING, "", processing, ""),
        new Judged(Component.CHARGER_COMMANDS, "", ComponentState.OPERATIONAL, ""),
        new Judged(Component.API, "", ComponentState.OPERATIONAL, ""));
  }

  @Test
  void componentsJoinWhileItsAlertsFireButNotOnceItIsOnlyMonitored() throws Exception {
    StatusStore store = new StatusStore();
    IncidentMachine machine = new IncidentMachine(store, Duration.ofSeconds(10));
    var ok = ComponentState.OPERATIONAL;
    var partial = ComponentState.PARTIAL_OUTAGE;
    try (Connection c = database.dataSource().getConnection()) {
      machine.alert(
          c,
          new AlertEvent(
              "ProcessingStalled",
              "firing",
              Severity.CRITICAL,
              T0,
              T0,
              "FIRING ProcessingStalled: x"),
          judged(partial, ok));
      machine.round(c, T0.plusSeconds(1), STALLED, judged(partial, partial));
      assertThat(open(store, c).components())
          .as("a component that turned bad while the alert fires")
          .containsExactly("message-processing", "ocpp-connections");

      machine.round(c, T0.plusSeconds(2), Set.of(), judged(ok, ok));
      assertThat(open(store, c).status()).isEqualTo("monitoring");
      // Chargers disconnecting (a warning) while the incident is only watched: not part of it.
      machine.round(c, T0.plusSeconds(3), Set.of(), judged(ok, partial));
      machine.round(c, T0.plusSeconds(4), Set.of(), judged(ComponentState.MAJOR_OUTAGE, ok));

      Incident incident = open(store, c);
      assertThat(incident.components()).containsExactly("message-processing", "ocpp-connections");
      assertThat(incident.impact()).isEqualTo("major");

      machine.round(c, T0.plusSeconds(13), Set.of(), judged(ok, ok));
      assertThat(store.incident(c, incident.id()).orElseThrow().status()).isEqualTo("resolved");
    }
  }

  private static Incident open(StatusStore store, Connection c) throws Exception {
    return store.openAutomatic(c).orElseThrow();
  }
}
