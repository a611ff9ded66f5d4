package dev.joule.store;

import static dev.joule.store.TestPostgres.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code --db-url} mode, against the PostgreSQL server of the machine running the tests. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExternalDatabaseTest {
  static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  final String name = "joule_test_" + UUID.randomUUID().toString().replace("-", "");

  @BeforeEach
  void createDatabase() {
    assumeTrue(
        reachable(),
        "No PostgreSQL at 127.0.0.1:5432 accepting user postgres without a password:"
            + " external URL mode not tested");
    execute(SERVER, "CREATE DATABASE " + name);
  }

  @AfterEach
  void dropDatabase() {
    if (reachable()) {
      execute(SERVER, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  @Test
  void externalServerGetsTheSchemaAndServesTransactions() {
    String url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
    try (Database database = Database.open(url, 2)) {
      assertThat(DatabaseTest.tables(database)).containsAll(DatabaseTest.CORE_TABLES);

      database.inTransaction(
          connection -> {
            try (var insert = connection.createStatement()) {
              return insert.executeUpdate(
                  "INSERT INTO charger (id, registered_at) VALUES ('CP-EXT', now())");
            }
          });

      assertThat(TestPostgres.queryString(url, "SELECT id FROM charger")).isEqualTo("CP-EXT");
      assertThat(database.measureLatency()).isPositive();
    }
  }

  private static boolean reachable() {
    try (Connection connection = DriverManager.getConnection(SERVER + "&connectTimeout=2")) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
