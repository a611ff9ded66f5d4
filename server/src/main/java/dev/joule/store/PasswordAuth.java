package dev.joule.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's password: generated once into {@code <dataDir>/pg-password} (mode 600),
 * set on the superuser, and required by {@code pg_hba.conf} ({@link EmbeddedPostgres#HBA}).
 */
final class PasswordAuth {
  private static final Logger LOG = LoggerFactory.getLogger(PasswordAuth.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** SQLSTATE class of a failed (28P01) or refused (28000) authentication. */
  private static final String INVALID_AUTHORIZATION = "28";

  /** The driver's own refusal: the server asked for a password and the client had none. */
  private static final String CONNECTION_REJECTED = "08004";

  private PasswordAuth() {}

  static boolean hbaIsJoules(Path pgData) {
    try {
      Path hba = pgData.resolve("pg_hba.conf");
      return Files.exists(hba) && Files.readString(hba).equals(EmbeddedPostgres.HBA);
    } catch (IOException e) {
      throw new DatabaseException("Cannot read " + pgData.resolve("pg_hba.conf") + ": " + e, e);
    }
  }

  /**
   * The password in {@code file}, created if missing, its mode kept at 600. Missing while the
   * server already requires one: the password is lost, and start-up stops saying how to recover.
   */
  static String readOrCreate(Path file, boolean required, Path pgData) {
    try {
      if (Files.exists(file)) {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
          Files.setPosixFilePermissions(file, OWNER_ONLY);
          LOG.warn("{} was readable by others; its mode is 600 again", file);
        }
        String password = Files.readString(file).strip();
        if (!password.matches("[A-Za-z0-9_-]{20,}")) {
          throw new DatabaseException(
              file + " does not hold a password Joule wrote (20+ base64url characters)");
        }
        return password;
      }
      if (required) {
        throw new DatabaseException(
            file
                + " is missing, and the embedded PostgreSQL in "
                + pgData
                + " requires its password: restore the file (e.g. from a backup of the data"
                + " directory), or replace pg_hba.conf there with the single line 'host all all"
                + " 127.0.0.1/32 trust' and start Joule again to set a new password");
      }
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      Path temporary = file.resolveSibling(file.getFileName() + ".new");
      Files.deleteIfExists(temporary);
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(temporary, password + "\n");
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      return password;
    } catch (IOException e) {
      throw new DatabaseException("Cannot use " + file + ": " + e, e);
    }
  }

  /**
   * Sets {@code password} on the superuser while the old rules still let Joule in, then replaces
   * {@code pg_hba.conf} and reloads it, and waits until a connection without the password is
   * refused. A crash in between is repaired by the next start: it finds the file not Joule's yet.
   */
  static void require(int port, String password, Path pgData, Duration wait) {
    String url = EmbeddedPostgres.jdbcUrlWithoutPassword(port);
    try (Connection connection = DriverManager.getConnection(url + "&password=" + password);
        Statement statement = connection.createStatement()) {
      // base64url characters only: nothing to escape
      statement.execute("SET password_encryption = 'scram-sha-256'");
      statement.execute("ALTER ROLE " + EmbeddedPostgres.USER + " PASSWORD '" + password + "'");
      Path hba = pgData.resolve("pg_hba.conf");
      Path temporary = pgData.resolve("pg_hba.conf.new");
      Files.writeString(temporary, EmbeddedPostgres.HBA, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(temporary, OWNER_ONLY);
      Files.move(
          temporary, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      statement.execute("SELECT pg_reload_conf()");
    } catch (SQLException | IOException e) {
      throw new DatabaseException(
          "Could not make the embedded PostgreSQL in " + pgData + " require a password: " + e, e);
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (acceptsWithoutPassword(url)) {
      if (System.nanoTime() > deadline) {
        throw new DatabaseException(
            "The embedded PostgreSQL in "
                + pgData
                + " still accepts connections without a password "
                + wait.toSeconds()
                + " s after pg_hba.conf was reloaded");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    LOG.info(
        "Embedded PostgreSQL now requires a password (scram-sha-256); it is in {}",
        pgData.resolveSibling(EmbeddedPostgres.PASSWORD_FILE));
  }

  /** Whether the server lets a client in without the password (the reload not yet applied). */
  static boolean acceptsWithoutPassword(String url) {
    try (Connection ignored = DriverManager.getConnection(url)) {
      return true;
    } catch (SQLException e) {
      String state = String.valueOf(e.getSQLState());
      if (state.startsWith(INVALID_AUTHORIZATION) || state.equals(CONNECTION_REJECTED)) {
        return false;
      }
      throw new DatabaseException("Checking the embedded PostgreSQL's password: " + e, e);
    }
  }
}
