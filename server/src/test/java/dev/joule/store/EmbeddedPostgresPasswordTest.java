package dev.joule.store;

import static dev.joule.store.TestPostgres.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL asks for a password; data directories made with trust are upgraded. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedPostgresPasswordTest {
  private static final String TRUST = "host all all 127.0.0.1/32 trust\n";

  @TempDir Path dataDir;

  @Test
  void aConnectionWithoutThePasswordIsRefused() throws Exception {
    try (EmbeddedPostgres server = TestPostgres.start(dataDir)) {
      assertRefusedWithoutPassword(server);
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(
                          EmbeddedPostgres.jdbcUrlWithoutPassword(server.port())
                              + "&password=not-the-password")
                      .close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      assertThat(queryString(server.jdbcUrl(), "SELECT 1")).isEqualTo("1");
      Path file = dataDir.resolve(EmbeddedPostgres.PASSWORD_FILE);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(server.jdbcUrl()).endsWith("&password=" + Files.readString(file).strip());
      assertThat(Files.readString(server.pgData().resolve("pg_hba.conf")))
          .isEqualTo(EmbeddedPostgres.HBA)
          .doesNotContain("trust");
    }
  }

  @Test
  void aDataDirectoryCreatedWithTrustIsUpgradedAndKeepsItsData() throws Exception {
    TestPostgres.copyTemplateTo(dataDir);
    try (EmbeddedPostgres server = EmbeddedPostgres.start(TestPostgres.settings(dataDir))) {
      TestPostgres.execute(
          server.jdbcUrl(), "CREATE TABLE kept (v TEXT)", "INSERT INTO kept VALUES ('x')");
    }
    // As every Joule before password authentication left it: initdb's trust, no password file.
    Files.writeString(dataDir.resolve("pg").resolve("pg_hba.conf"), TRUST);
    Files.delete(dataDir.resolve(EmbeddedPostgres.PASSWORD_FILE));
    try (EmbeddedPostgres server = EmbeddedPostgres.start(TestPostgres.settings(dataDir))) {
      assertRefusedWithoutPassword(server);
      assertThat(queryString(server.jdbcUrl(), "SELECT v FROM kept")).isEqualTo("x");
      assertThat(Files.exists(dataDir.resolve(EmbeddedPostgres.PASSWORD_FILE))).isTrue();
    }
    // and the next start uses the stored password without upgrading again
    try (EmbeddedPostgres server = EmbeddedPostgres.start(TestPostgres.settings(dataDir))) {
      assertRefusedWithoutPassword(server);
      assertThat(queryString(server.jdbcUrl(), "SELECT v FROM kept")).isEqualTo("x");
    }
  }

  @Test
  void aLostPasswordStopsStartUpSayingHowToRecover() throws Exception {
    TestPostgres.copyTemplateTo(dataDir);
    Files.delete(dataDir.resolve(EmbeddedPostgres.PASSWORD_FILE));
    assertThatThrownBy(() -> EmbeddedPostgres.start(TestPostgres.settings(dataDir)))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("pg-password is missing")
        .hasMessageContaining("trust");
  }

  private static void assertRefusedWithoutPassword(EmbeddedPostgres server) {
    assertThat(
            PasswordAuth.acceptsWithoutPassword(
                EmbeddedPostgres.jdbcUrlWithoutPassword(server.port())))
        .isFalse();
  }
}
