package dev.joule.store;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Embedded servers for tests: binaries unpacked once under target/; data in temp directories,
 * copied from one initialized (and cleanly stopped) data directory, as initdb with fsync on takes
 * seconds.
 */
public final class TestPostgres {
  static final Path BINARIES = Path.of("target", "pg-binaries").toAbsolutePath();
  private static final Path TEMPLATE = Path.of("target", "pg-template").toAbsolutePath();
  private static final Duration AWAIT = Duration.ofSeconds(15);
  private static boolean templateReady;

  private TestPostgres() {}

  public static EmbeddedPostgres.Settings settings(Path dataDir) {
    return EmbeddedPostgres.Settings.in(dataDir).withBinariesDir(BINARIES);
  }

  /** A server on a copy of the template data directory. */
  public static EmbeddedPostgres start(Path dataDir) {
    copyTemplateTo(dataDir);
    return EmbeddedPostgres.start(settings(dataDir));
  }

  /** Puts an initialized data directory into {@code dataDir}, as a stopped Joule would leave it. */
  static void copyTemplateTo(Path dataDir) {
    try {
      Path template = template();
      Files.createDirectories(dataDir);
      try (Stream<Path> files = Files.walk(template)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Path copy = dataDir.resolve(template.relativize(file).toString());
          if (!file.equals(template)) {
            // with attributes: PostgreSQL insists on its directory's permissions
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Path template() throws IOException {
    if (!templateReady) {
      if (Files.exists(TEMPLATE)) {
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
          for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(file);
          }
        }
      }
      EmbeddedPostgres.start(settings(TEMPLATE)).close();
      templateReady = true;
    }
    return TEMPLATE;
  }

  static String queryString(String jdbcUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      return result.next() ? result.getString(1) : null;
    } catch (SQLException e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
  }

  static long queryLong(String jdbcUrl, String sql) {
    return Long.parseLong(queryString(jdbcUrl, sql));
  }

  static void execute(String jdbcUrl, String... sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    } catch (SQLException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Waits until {@code condition} holds, failing after a deadline. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("Not within " + AWAIT.toSeconds() + " s: " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
  }
}
