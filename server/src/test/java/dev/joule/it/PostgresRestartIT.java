package dev.joule.it;

import dev.joule.store.EmbeddedPostgres;
import dev.joule.store.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster's PostgreSQL server stopped under load for {@link #OUTAGE} and started again on the
 * same port and data (a server restart): the processors roll their batches back and retry, the
 * CALLs wait in the stream, and every CALL is answered exactly once, none waits 10 s, no effect is
 * doubled. The server is one of the test's (Joule's embedded PostgreSQL binaries), never the
 * machine's.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PostgresRestartIT {
  private static final Duration PAUSE = Duration.ofMillis(200);
  private static final Duration OUTAGE = Duration.ofSeconds(3);

  @TempDir Path dir;

  @Test
  void aPostgresRestartUnderLoadCostsNoAnswerAndDoublesNoEffect() throws Exception {
    Path data = dir.resolve("pg");
    EmbeddedPostgres postgres = TestPostgres.start(data);
    int port = postgres.port();
    try (Cluster cluster =
        Cluster.startOnPostgres(
            dir,
            "jdbc:postgresql://127.0.0.1:" + port + "/",
            // the embedded server asks for its password (user and password from its URL)
            postgres.jdbcUrl().substring(postgres.jdbcUrl().indexOf('?') + 1))) {
      JouleServer gateway = cluster.inProcess("g1", "gateway,api,supervisor");
      cluster.processor("p1");
      cluster.processor("p2");
      Load.Chargers chargers = Load.start(gateway, "PGR", 40, 10, PAUSE, 500);

      postgres.close();
      Thread.sleep(OUTAGE.toMillis()); // the outage itself
      postgres = EmbeddedPostgres.start(TestPostgres.settings(data).withPort(port));
      chargers.awaitMoreAnswers(500);

      Load.Ledger ledger = chargers.stop();
      System.out.println("PostgresRestartIT: " + ledger);
      ledger.assertExactlyOnce();
      ledger.assertEffectsSingle(cluster, "PGR-%");
    } finally {
      postgres.close();
    }
  }
}
