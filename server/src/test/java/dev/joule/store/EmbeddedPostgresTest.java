package dev.joule.store;

import static dev.joule.store.TestPostgres.execute;
import static dev.joule.store.TestPostgres.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmbeddedPostgresTest {
  @TempDir static Path sharedDir;
  static EmbeddedPostgres shared;

  @BeforeAll
  static void startShared() {
    shared = TestPostgres.start(sharedDir);
  }

  @AfterAll
  static void stopShared() {
    shared.close();
  }

  @Test
  void commitsAreDurable() {
    // zonky's defaults (fsync off, synchronous_commit off) would lose acknowledged commits
    assertThat(queryString(shared.jdbcUrl(), "SHOW fsync")).isEqualTo("on");
    assertThat(queryString(shared.jdbcUrl(), "SHOW synchronous_commit")).isEqualTo("on");
    assertThat(queryString(shared.jdbcUrl(), "SHOW full_page_writes")).isEqualTo("on");
  }

  @Test
  void listensOnLoopbackOnlyWithoutUnixSocket() {
    assertThat(queryString(shared.jdbcUrl(), "SHOW listen_addresses")).isEqualTo("127.0.0.1");
    assertThat(queryString(shared.jdbcUrl(), "SHOW unix_socket_directories")).isEmpty();
    assertThat(shared.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + shared.port() + "/");
  }

  @Test
  void secondJouleOnTheSameDataDirectoryIsRefused() {
    assertThatThrownBy(() -> EmbeddedPostgres.start(TestPostgres.settings(sharedDir)))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining(sharedDir.toAbsolutePath().toString())
        .hasMessageContaining("in use by another running Joule");
    assertThat(queryString(shared.jdbcUrl(), "SELECT 'still serving'")).isEqualTo("still serving");
  }

  @Test
  void restartKeepsData(@TempDir Path dataDir) {
    try (EmbeddedPostgres first = EmbeddedPostgres.start(TestPostgres.settings(dataDir))) {
      assertThat(first.initializedData()).isTrue();
      execute(
          first.jdbcUrl(),
          "CREATE TABLE kept (value TEXT)",
          "INSERT INTO kept VALUES ('survives a restart')");
    }
    try (EmbeddedPostgres second = EmbeddedPostgres.start(TestPostgres.settings(dataDir))) {
      assertThat(second.initializedData()).isFalse();
      assertThat(queryString(second.jdbcUrl(), "SELECT value FROM kept"))
          .isEqualTo("survives a restart");
    }
  }

  @Test
  void closeStopsTheServer(@TempDir Path dataDir) {
    EmbeddedPostgres server = TestPostgres.start(dataDir);
    ProcessHandle postmaster = ProcessHandle.of(server.postmasterPid()).orElseThrow();

    server.close();

    assertThat(EmbeddedPostgres.hasExited(postmaster)).isTrue();
    assertThat(server.pgData().resolve("postmaster.pid")).doesNotExist();
  }

  @Test
  void configuredPortIsUsed(@TempDir Path dataDir) throws Exception {
    TestPostgres.copyTemplateTo(dataDir);
    int port = freePort();
    try (EmbeddedPostgres server =
        EmbeddedPostgres.start(TestPostgres.settings(dataDir).withPort(port))) {
      assertThat(server.port()).isEqualTo(port);
      assertThat(queryString(server.jdbcUrl(), "SHOW port")).isEqualTo(Integer.toString(port));
    }
  }

  @Test
  void configuredPortInUseIsAClearError(@TempDir Path dataDir) throws Exception {
    TestPostgres.copyTemplateTo(dataDir);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () -> EmbeddedPostgres.start(TestPostgres.settings(dataDir).withPort(port)))
          .isInstanceOf(DatabaseException.class)
          .hasMessage("Embedded PostgreSQL cannot listen on 127.0.0.1:" + port + ": port in use");
    }
    // the data directory is not left locked
    try (EmbeddedPostgres server = EmbeddedPostgres.start(TestPostgres.settings(dataDir))) {
      assertThat(server.port()).isPositive();
    }
  }

  @Test
  void serverThatFailsToStartIsReportedWithPostgresqlsReason(@TempDir Path dataDir)
      throws Exception {
    TestPostgres.copyTemplateTo(dataDir);
    Files.writeString(
        dataDir.resolve("pg").resolve("postgresql.conf"),
        "shared_buffers = 'plenty'\n",
        StandardOpenOption.APPEND);

    assertThatThrownBy(
            () ->
                EmbeddedPostgres.start(
                    TestPostgres.settings(dataDir).withStartupWait(Duration.ofSeconds(2))))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith(
            "Embedded PostgreSQL in " + dataDir.resolve("pg") + " did not start: ")
        .hasMessageContaining("FATAL: configuration file")
        .hasMessageContaining("contains errors")
        .hasMessageContaining("pg-ctl.log");
  }

  @Test
  void serverLeftRunningByACrashedJouleIsStoppedBeforeTheNextStart(@TempDir Path dataDir)
      throws Exception {
    TestPostgres.copyTemplateTo(dataDir);
    ProcessHandle leftover = runJouleAndKillIt(dataDir);
    try {
      assertThat(EmbeddedPostgres.hasExited(leftover))
          .as("PostgreSQL outlives the killed Joule")
          .isFalse();

      try (EmbeddedPostgres server = EmbeddedPostgres.start(TestPostgres.settings(dataDir))) {
        assertThat(EmbeddedPostgres.hasExited(leftover)).isTrue();
        assertThat(server.postmasterPid()).isNotEqualTo(leftover.pid());
        assertThat(queryString(server.jdbcUrl(), "SELECT note FROM crash_note"))
            .isEqualTo(CrashingJoule.NOTE);
      }
    } finally {
      if (!EmbeddedPostgres.hasExited(leftover)) {
        leftover.destroy(); // the test failed before the server was stopped
      }
    }
  }

  @Test
  void stalePidFileOfAnotherProcessIsRemoved(@TempDir Path dataDir) throws Exception {
    TestPostgres.copyTemplateTo(dataDir);
    // After a reboot the old pid may belong to anything; here, to this JVM.
    Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + dataDir.resolve("pg") + "\n");

    try (EmbeddedPostgres server = EmbeddedPostgres.start(TestPostgres.settings(dataDir))) {
      assertThat(server.postmasterPid()).isNotEqualTo(ProcessHandle.current().pid());
      assertThat(queryString(server.jdbcUrl(), "SELECT 1")).isEqualTo("1");
    }
  }

  /** Runs {@link CrashingJoule} in its own JVM, kills it, and returns its PostgreSQL. */
  private static ProcessHandle runJouleAndKillIt(Path dataDir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process joule =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashingJoule.class.getName(),
                dataDir.toString(),
                TestPostgres.BINARIES.toString())
            .redirectErrorStream(true)
            .start();
    try {
      long pid = awaitReady(joule);
      joule.destroyForcibly();
      assertThat(joule.waitFor(30, TimeUnit.SECONDS)).as("killed Joule exits").isTrue();
      return ProcessHandle.of(pid).orElseThrow();
    } finally {
      joule.destroyForcibly();
    }
  }

  private static long awaitReady(Process joule) throws Exception {
    StringBuilder output = new StringBuilder();
    try (var lines =
        new BufferedReader(new InputStreamReader(joule.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("READY ")) {
          return Long.parseLong(line.substring("READY ".length()).strip());
        }
        output.append(line).append('\n');
      }
    }
    throw new AssertionError("Crashing Joule exited before it was ready:\n" + output);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
