package dev.joule.store;

import static dev.joule.store.TestPostgres.execute;
import static dev.joule.store.TestPostgres.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatabaseTest {
  static final List<String> CORE_TABLES =
      List.of(
          "charger",
          "connector_status",
          "connector_status_history",
          "id_tag",
          "charge_transaction",
          "orphan_stop",
          "meter_value",
          "data_transfer",
          "firmware_event",
          "message_log");

  @TempDir static Path dataDir;
  static EmbeddedPostgres server;
  static Database database;

  @BeforeAll
  static void start() {
    server = TestPostgres.start(dataDir);
    database = Database.open(server, 4);
    execute(server.jdbcUrl(), "CREATE TABLE tx_test (value TEXT)");
  }

  @AfterAll
  static void stop() {
    database.close();
    server.close();
  }

  @Test
  void migrationsCreateTheCoreTables() {
    assertThat(tables(database)).containsAll(CORE_TABLES);
    assertThat(
            queryString(
                server.jdbcUrl(),
                "SELECT version FROM flyway_schema_history WHERE success AND version = '1'"))
        .isEqualTo("1");
  }

  @Test
  void openingAgainFindsTheSchemaUpToDate() {
    try (Database again = Database.open(server, 2)) {
      assertThat(tables(again)).containsAll(CORE_TABLES);
    }
    assertThat(
            TestPostgres.queryLong(
                server.jdbcUrl(), "SELECT count(*) FROM flyway_schema_history WHERE version = '1'"))
        .isEqualTo(1);
  }

  @Test
  void inTransactionCommitsWhatTheWorkDid() {
    database.inTransaction(
        connection -> {
          try (var insert = connection.prepareStatement("INSERT INTO tx_test VALUES (?)")) {
            insert.setString(1, "committed");
            return insert.executeUpdate();
          }
        });

    assertThat(queryString(server.jdbcUrl(), "SELECT value FROM tx_test WHERE value = 'committed'"))
        .isEqualTo("committed");
  }

  /** A process frozen inside a transaction: PostgreSQL ends its session, and its locks go. */
  @Test
  void aTransactionLeftIdleIsEndedByPostgres() {
    execute(server.jdbcUrl(), "INSERT INTO tx_test VALUES ('idle')");

    assertThatThrownBy(
            () ->
                database.inTransaction(
                    connection -> {
                      try (var lock = connection.createStatement()) {
                        lock.execute("SELECT * FROM tx_test WHERE value = 'idle' FOR UPDATE");
                        Thread.sleep(Database.IDLE_IN_TRANSACTION.plusSeconds(1).toMillis());
                        lock.execute("SELECT 1"); // the frozen process wakes up
                      } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                      }
                      return null;
                    }))
        .hasStackTraceContaining("idle-in-transaction");
    assertThat(
            queryString(
                server.jdbcUrl(),
                "SELECT value FROM tx_test WHERE value = 'idle' FOR UPDATE NOWAIT"))
        .isEqualTo("idle");
  }

  @Test
  void inTransactionRollsBackAndRethrowsWhenTheWorkThrows() {
    IllegalStateException failure = new IllegalStateException("handler failed");

    assertThatThrownBy(
            () ->
                database.inTransaction(
                    connection -> {
                      try (var insert = connection.createStatement()) {
                        insert.execute("INSERT INTO tx_test VALUES ('rolled back')");
                      }
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(
            TestPostgres.queryLong(
                server.jdbcUrl(), "SELECT count(*) FROM tx_test WHERE value = 'rolled back'"))
        .isZero();
  }

  @Test
  void sqlErrorsBecomeDatabaseExceptions() {
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    connection -> {
                      try (var select = connection.createStatement()) {
                        return select.execute("SELECT * FROM no_such_table");
                      }
                    }))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("Database transaction failed: ")
        .hasMessageContaining("no_such_table");
  }

  @Test
  void latencyOfSelectOneIsMeasured() {
    assertThat(database.measureLatency()).isPositive();
  }

  @Test
  void unreachableServerIsAOneLineErrorWithoutThePassword() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/joule?user=joule&password=secret";

    assertThatThrownBy(() -> Database.open(url, 2))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith(
            "Cannot connect to database jdbc:postgresql://127.0.0.1:" + closedPort + "/joule: ")
        .hasMessageContaining("refused")
        .hasMessageNotContaining("secret")
        .hasMessageNotContaining("\n");
  }

  @Test
  void migrationIntoADatabaseUsedBySomethingElseIsAOneLineError() {
    execute(server.jdbcUrl(), "CREATE DATABASE someone_elses");
    String url = server.jdbcUrl().replace("/postgres?", "/someone_elses?");
    execute(url, "CREATE TABLE charger (serial INTEGER)");

    assertThatThrownBy(() -> Database.open(url, 2))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("Database migration failed on ")
        .hasMessageContaining("someone_elses")
        .hasMessageNotContaining("\n");
  }

  @Test
  void onlyPostgresqlUrlsAreAccepted() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://127.0.0.1/joule?password=secret", 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:mysql://127.0.0.1/joule")
        .hasMessageNotContaining("secret");
  }

  static List<String> tables(Database database) {
    return database.inTransaction(
        connection -> {
          List<String> tables = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT table_name FROM information_schema.tables"
                          + " WHERE table_schema = 'public'");
              ResultSet result = select.executeQuery()) {
            while (result.next()) {
              tables.add(result.getString(1));
            }
          }
          return tables;
        });
  }
}
