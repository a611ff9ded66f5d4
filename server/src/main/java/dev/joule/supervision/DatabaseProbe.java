package dev.joule.supervision;

import dev.joule.processing.FaultPoint;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code SELECT 1} on its own virtual thread when asked, at most one at a time, and reports
 * the latency; a probe that has not answered yet reports the time it has been waiting, so an
 * exhausted pool or a hung server shows as growing latency instead of hiding behind a stale value.
 */
final class DatabaseProbe {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseProbe.class);

  private final DataSource dataSource;
  private final FaultPoint faults;
  private final Duration timeout;
  private volatile long startedAt; // System.nanoTime of the running probe, 0 when none runs
  private volatile long lastNanos;
  private volatile boolean lastOk = true;

  DatabaseProbe(DataSource dataSource, FaultPoint faults, Duration timeout) {
    this.dataSource = dataSource;
    this.faults = faults;
    this.timeout = timeout;
  }

  /** Starts a probe unless one is still running. */
  void probe() {
    if (startedAt != 0) {
      return;
    }
    startedAt = System.nanoTime();
    Thread.ofVirtual().name("db-probe").start(this::run);
  }

  private void run() {
    long started = startedAt;
    boolean ok;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
      faults.database();
      statement.execute("SELECT 1");
      ok = true;
    } catch (SQLException | RuntimeException e) {
      LOG.debug("database probe failed: {}", e.toString());
      ok = false;
    }
    lastNanos = System.nanoTime() - started;
    lastOk = ok;
    startedAt = 0;
  }

  /** The latency of the last probe, or how long the running one has waited if that is longer. */
  Duration latency() {
    long running = startedAt;
    long waiting = running == 0 ? 0 : System.nanoTime() - running;
    return Duration.ofNanos(Math.max(lastNanos, waiting));
  }

  /** Whether the database answered the last probe within the timeout and none is overdue. */
  boolean healthy() {
    return lastOk && latency().compareTo(timeout) <= 0;
  }
}
