package dev.joule.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joule's PostgreSQL: a connection pool on the embedded server or on an external one, with the
 * schema migrated to the latest version before anything uses it.
 *
 * <p>It does not own an embedded server: close the database first, then the server.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /**
   * Commits wait for the WAL flush (synchronous_commit is on), and concurrent commits share one
   * flush; a pool somewhat larger than 2 x cores keeps that sharing going on a small machine.
   */
  public static final int DEFAULT_POOL_SIZE = 10;

  /** Flyway holds two connections while it migrates. */
  public static final int MIN_POOL_SIZE = 2;

  private static final String MIGRATIONS = "classpath:db/migration";
  private static final long CONNECTION_TIMEOUT_MS = 5_000;

  /** How long a session may sit inside a transaction doing nothing before PostgreSQL ends it. */
  static final Duration IDLE_IN_TRANSACTION = Duration.ofSeconds(2);

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /** The embedded server's database. */
  public static Database open(EmbeddedPostgres server, int poolSize) {
    return open(server.jdbcUrl(), poolSize);
  }

  /**
   * A PostgreSQL server given by URL, e.g. {@code
   * jdbc:postgresql://127.0.0.1:5432/joule?user=joule&password=...}.
   *
   * @throws DatabaseException naming what failed: the URL cannot be reached, or a migration failed
   */
  public static Database open(String jdbcUrl, int poolSize) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + redact(jdbcUrl));
    }
    if (poolSize < MIN_POOL_SIZE) {
      throw new IllegalArgumentException(
          "pool size must be at least " + MIN_POOL_SIZE + ", was " + poolSize);
    }
    long begin = System.nanoTime();
    HikariDataSource pool = connect(jdbcUrl, poolSize);
    try {
      MigrateResult migrated = migrate(pool, jdbcUrl);
      LOG.info(
          "Database ready: {}, pool {}, schema version {} ({} migration{} applied) in {} ms",
          redact(jdbcUrl),
          poolSize,
          migrated.targetSchemaVersion == null
              ? migrated.initialSchemaVersion
              : migrated.targetSchemaVersion,
          migrated.migrationsExecuted,
          migrated.migrationsExecuted == 1 ? "" : "s",
          Duration.ofNanos(System.nanoTime() - begin).toMillis());
      return new Database(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  /**
   * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws.
   * Unchecked exceptions from {@code work} pass through unchanged; an {@link SQLException} becomes
   * a {@link DatabaseException}.
   */
  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException("Database transaction failed: " + e.getMessage(), e);
    }
  }

  /**
   * Times a trivial query, borrowing the connection included: what a handler would wait for.
   *
   * @throws DatabaseException if the database does not answer
   */
  public Duration measureLatency() {
    long begin = System.nanoTime();
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT 1")) {
      result.next();
      return Duration.ofNanos(System.nanoTime() - begin);
    } catch (SQLException e) {
      throw new DatabaseException("Database did not answer SELECT 1: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private static HikariDataSource connect(String jdbcUrl, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("joule-db");
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(poolSize);
    // A handler waiting longer than this for a connection is better told so than left hanging.
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.addDataSourceProperty("ApplicationName", "joule");
    // One multi-row INSERT for a JDBC batch: a MeterValues frame writes 10 samples in one go.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    // A process frozen inside a transaction (SIGSTOP, a GC death spiral, a lost host) keeps its row
    // locks, and every other processor touching those chargers' rows waits behind it: PostgreSQL
    // ends such a session after this, which rolls its batch back (redelivered) and frees the rows.
    // No Joule transaction is idle for longer: a batch runs its statements back to back.
    config.setConnectionInitSql(
        "SET idle_in_transaction_session_timeout = '" + IDLE_IN_TRANSACTION.toMillis() + "ms'");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new DatabaseException(
          "Cannot connect to database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
    }
  }

  private static MigrateResult migrate(DataSource dataSource, String jdbcUrl) {
    try {
      return Flyway.configure()
          .dataSource(dataSource)
          .locations(MIGRATIONS)
          .cleanDisabled(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      String reason = firstLine(e.getMessage());
      String root = rootMessage(e);
      if (!reason.contains(root)) {
        reason = reason + ": " + root;
      }
      throw new DatabaseException(
          "Database migration failed on " + redact(jdbcUrl) + ": " + reason, e);
    }
  }

  private static void rollback(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** The URL without its parameters, which may hold a password. */
  static String redact(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return firstLine(root.getMessage() == null ? root.toString() : root.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String stripped = message.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline).strip();
  }
}
