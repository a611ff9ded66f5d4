package dev.joule.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joule's embedded PostgreSQL, the default that needs nothing installed: a real PostgreSQL 15 from
 * the zonky binaries, its data kept in {@code <dataDir>/pg} across restarts (initdb runs once),
 * listening on 127.0.0.1 only.
 *
 * <p>Where it departs from zonky's test-oriented defaults, on purpose: {@code fsync} and {@code
 * synchronous_commit} are on, because a charger is answered only after its effects are committed
 * (rule 1) and a commit must survive a power cut; there is no Unix socket; the server log is
 * rotated daily and kept a week under {@code pg/log}; a server left running by a crashed Joule is
 * stopped before start; and there is no shutdown hook: whoever starts it closes it, after
 * everything that writes to it.
 *
 * <p>Connections need a password (SCRAM-SHA-256), not trust: any local user could otherwise connect
 * as the superuser. The password is generated at the first start and kept in {@code
 * <dataDir>/pg-password} (mode 600). A data directory whose {@code pg_hba.conf} is not Joule's
 * (initdb's trust, as every Joule before this wrote it) is upgraded at start: the password is set
 * while the old rules still let Joule in, then {@code pg_hba.conf} is replaced and reloaded, and a
 * connection without the password is checked to be refused.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);

  static final String USER = "postgres";
  static final String DATABASE = "postgres";
  private static final String LOCK_FILE = "pg.lock";
  static final String PASSWORD_FILE = "pg-password";

  /** Every TCP connection with a password; there is no Unix socket (unix_socket_directories). */
  static final String HBA =
      """
      # Written by Joule: every connection needs the password in ../pg-password (SCRAM-SHA-256).
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      host replication all 127.0.0.1/32 scram-sha-256
      """;

  private static final Duration REFUSAL_WAIT = Duration.ofSeconds(10);
  private static final String CONTROL_LOG = "pg-ctl.log";
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);
  private static final Duration EXIT_POLL = Duration.ofMillis(10);

  // Passed as "-c key=value" after zonky's own "-F" (fsync off), so they win.
  private static final Map<String, String> SERVER_CONFIG =
      Map.ofEntries(
          Map.entry("fsync", "on"),
          Map.entry("synchronous_commit", "on"),
          Map.entry("full_page_writes", "on"),
          // Under load the default 1 GB made a checkpoint every ~6 s ("checkpoints are occurring
          // too frequently"), each followed by full-page images of every page touched again.
          // Crash recovery replays at most this much WAL: seconds, inside the startup wait.
          Map.entry("max_wal_size", "2GB"),
          Map.entry("listen_addresses", "127.0.0.1"),
          Map.entry("unix_socket_directories", ""),
          Map.entry("max_connections", "100"),
          Map.entry("timezone", "UTC"),
          Map.entry("logging_collector", "on"),
          Map.entry("log_directory", "log"),
          Map.entry("log_filename", "postgresql-%a.log"),
          Map.entry("log_rotation_age", "1d"),
          Map.entry("log_rotation_size", "0"),
          Map.entry("log_truncate_on_rotation", "on"));

  /**
   * Where and how the embedded server runs.
   *
   * @param dataDir Joule's data directory; PostgreSQL's own data is in {@code dataDir/pg}
   * @param port TCP port on 127.0.0.1, or 0 for any free port
   * @param binariesDir where the PostgreSQL binaries are unpacked, once. Kept out of /tmp by
   *     default: a running server loads files from it, and /tmp gets cleaned. (zonky unpacks once
   *     per JVM: a second server in the same JVM uses the first one's directory.)
   * @param startupWait how long to wait for the server to accept connections; recovery after a
   *     power cut replays the WAL first. A server that fails is reported only after this wait.
   */
  public record Settings(Path dataDir, int port, Path binariesDir, Duration startupWait) {
    public static final Duration DEFAULT_STARTUP_WAIT = Duration.ofSeconds(60);

    public Settings {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(binariesDir, "binariesDir");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, was " + port);
      }
      if (startupWait.isNegative() || startupWait.isZero()) {
        throw new IllegalArgumentException("startup wait must be positive, was " + startupWait);
      }
      dataDir = dataDir.toAbsolutePath().normalize();
      binariesDir = binariesDir.toAbsolutePath().normalize();
    }

    /** Any free port; binaries in {@code dataDir/pg-binaries}; a 60 s startup wait. */
    public static Settings in(Path dataDir) {
      return new Settings(dataDir, 0, dataDir.resolve("pg-binaries"), DEFAULT_STARTUP_WAIT);
    }

    public Settings withPort(int port) {
      return new Settings(dataDir, port, binariesDir, startupWait);
    }

    public Settings withBinariesDir(Path binariesDir) {
      return new Settings(dataDir, port, binariesDir, startupWait);
    }

    public Settings withStartupWait(Duration startupWait) {
      return new Settings(dataDir, port, binariesDir, startupWait);
    }
  }

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
  private final FileChannel lock;
  private final Path pgData;
  private final ProcessHandle postmaster;
  private final boolean initializedData;
  private final Duration startTime;
  private final String password;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedPostgres(
      io.zonky.test.db.postgres.embedded.EmbeddedPostgres server,
      FileChannel lock,
      Path pgData,
      ProcessHandle postmaster,
      boolean initializedData,
      Duration startTime,
      String password) {
    this.server = server;
    this.lock = lock;
    this.pgData = pgData;
    this.postmaster = postmaster;
    this.initializedData = initializedData;
    this.startTime = startTime;
    this.password = password;
  }

  /**
   * Starts the server, creating its data directory on first use, and returns when it accepts
   * connections.
   *
   * @throws DatabaseException if the data directory is in use by another Joule, the port is taken,
   *     or PostgreSQL does not start
   */
  public static EmbeddedPostgres start(Settings settings) {
    long begin = System.nanoTime();
    Path pgData = settings.dataDir().resolve("pg");
    Path controlLog = settings.dataDir().resolve(CONTROL_LOG);
    FileChannel lock = lockDataDir(settings.dataDir());
    try {
      stopLeftover(pgData);
      if (settings.port() != 0) {
        requireFreePort(settings.port());
      }
      boolean initialize = !Files.exists(pgData.resolve("postgresql.conf"));
      boolean passwordRequired = !initialize && PasswordAuth.hbaIsJoules(pgData);
      String password =
          PasswordAuth.readOrCreate(
              settings.dataDir().resolve(PASSWORD_FILE), passwordRequired, pgData);
      io.zonky.test.db.postgres.embedded.EmbeddedPostgres server =
          startServer(settings, pgData, controlLog, password);
      if (!passwordRequired) {
        try {
          PasswordAuth.require(server.getPort(), password, pgData, REFUSAL_WAIT);
        } catch (RuntimeException e) {
          closeQuietly(server);
          throw e;
        }
      }
      ProcessHandle postmaster =
          runningPostmaster(pgData)
              .orElseThrow(
                  () -> new DatabaseException("Embedded PostgreSQL started but has no postmaster"));
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      LOG.info(
          "Embedded PostgreSQL {} ready on 127.0.0.1:{} in {} ms ({} {})",
          version(pgData),
          server.getPort(),
          took.toMillis(),
          initialize ? "new data directory" : "existing data",
          pgData);
      return new EmbeddedPostgres(server, lock, pgData, postmaster, initialize, took, password);
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  public int port() {
    return server.getPort();
  }

  /**
   * A JDBC URL for the server's database, as the superuser, with its password (URL-safe: base64url
   * characters only). Log it only through {@code Database.redact}.
   */
  public String jdbcUrl() {
    return jdbcUrlWithoutPassword(port()) + "&password=" + password;
  }

  /** What a client without the password would use: refused. */
  static String jdbcUrlWithoutPassword(int port) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
  }

  /** How long {@link #start} took, initdb included when it ran. */
  public Duration startTime() {
    return startTime;
  }

  /** Whether this start created the data directory (ran initdb). */
  public boolean initializedData() {
    return initializedData;
  }

  Path pgData() {
    return pgData;
  }

  long postmasterPid() {
    return postmaster.pid();
  }

  /** Stops the server (fast mode: open transactions roll back) and waits until it has exited. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long begin = System.nanoTime();
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("Stopping embedded PostgreSQL: {}", e.toString());
    }
    // zonky's pg_ctl waits 5 s at most; a shutdown checkpoint with fsync on may need longer.
    boolean stopped = awaitExit(postmaster, STOP_WAIT);
    closeQuietly(lock);
    if (stopped) {
      LOG.info(
          "Embedded PostgreSQL stopped in {} ms",
          Duration.ofNanos(System.nanoTime() - begin).toMillis());
    } else {
      LOG.warn(
          "Embedded PostgreSQL (pid {}) did not stop within {} s; the next start will stop it",
          postmaster.pid(),
          STOP_WAIT.toSeconds());
    }
  }

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres startServer(
      Settings settings, Path pgData, Path controlLog, String password) {
    var builder =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(settings.binariesDir().toFile())
            .setPort(settings.port())
            .setRegisterShutdownHook(false)
            .setPGStartupWait(settings.startupWait())
            // initdb and pg_ctl output; the server's own log goes to pg/log once it runs
            .setOutputRedirector(Redirect.appendTo(controlLog.toFile()))
            .setErrorRedirector(Redirect.appendTo(controlLog.toFile()))
            // the same collation and messages whatever the host's locale
            .setLocaleConfig("locale", "C")
            // zonky's own readiness check connects too: with the password once it is required
            // (under initdb's trust rules a password is simply not asked for).
            .setConnectConfig("password", password);
    SERVER_CONFIG.forEach(builder::setServerConfig);
    long logSize = sizeOf(controlLog);
    try {
      return builder.start();
    } catch (IOException | RuntimeException e) {
      throw new DatabaseException(
          "Embedded PostgreSQL in "
              + pgData
              + " did not start: "
              + reasonLogged(controlLog, logSize).orElse(e.getMessage())
              + " (see "
              + controlLog
              + " and "
              + pgData.resolve("log")
              + ")",
          e);
    }
  }

  /**
   * zonky only reports that it gave up waiting; initdb and PostgreSQL log why, as the last FATAL or
   * error line of what they wrote during this start.
   */
  private static Optional<String> reasonLogged(Path controlLog, long from) {
    try (var file = FileChannel.open(controlLog, StandardOpenOption.READ)) {
      ByteBuffer written = ByteBuffer.allocate((int) Math.min(file.size() - from, 64 * 1024));
      file.read(written, Math.max(from, file.size() - written.capacity()));
      String text = new String(written.array(), 0, written.position(), StandardCharsets.UTF_8);
      String reason = null;
      for (String line : text.split("\n")) {
        int at = Math.max(line.indexOf("FATAL:"), line.indexOf("error:"));
        if (at >= 0) {
          reason = line.substring(at).replaceAll("\\s+", " ").strip();
        }
      }
      return Optional.ofNullable(reason);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * A Joule that crashed (or was killed) leaves its PostgreSQL running, and that server's
   * postmaster.pid stops a new one from starting. The data directory lock, held by every running
   * Joule, shows that this server is nobody's: stop it as pg_ctl would.
   */
  private static void stopLeftover(Path pgData) {
    Path pidFile = pgData.resolve("postmaster.pid");
    OptionalLong pid = readPid(pidFile);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> alive =
        ProcessHandle.of(pid.getAsLong()).filter(process -> !hasExited(process));
    if (alive.isEmpty()) {
      return; // stale: PostgreSQL replaces it itself
    }
    ProcessHandle leftover = alive.get();
    if (!runsIn(leftover, pgData)) {
      // The pid now belongs to another process (after a reboot, say); PostgreSQL would refuse to
      // start until the file is gone.
      deleteStalePidFile(pidFile, leftover.pid());
      return;
    }
    LOG.warn(
        "Stopping PostgreSQL left running by an earlier Joule (pid {}, data {})",
        leftover.pid(),
        pgData);
    requestFastShutdown(leftover);
    if (!awaitExit(leftover, STOP_WAIT)) {
      throw new DatabaseException(
          "PostgreSQL left running in "
              + pgData
              + " (pid "
              + leftover.pid()
              + ") did not stop within "
              + STOP_WAIT.toSeconds()
              + " s; stop it, then start Joule again");
    }
  }

  /**
   * What {@code pg_ctl stop -m fast} does: SIGINT to the postmaster, which rolls back open
   * transactions, writes a shutdown checkpoint and exits. Sent with the shell's kill, as Java can
   * only send SIGTERM (a "smart" shutdown that waits for every client to leave); pg_ctl itself
   * refuses to run as root, while zonky runs the server in a user namespace then.
   */
  private static void requestFastShutdown(ProcessHandle postmaster) {
    try {
      Process kill =
          new ProcessBuilder("/bin/sh", "-c", "kill -INT " + postmaster.pid())
              .redirectErrorStream(true)
              .start();
      String output = new String(kill.getInputStream().readAllBytes()).strip();
      if (kill.waitFor() != 0) {
        LOG.warn("Sending SIGINT to pid {} failed: {}", postmaster.pid(), output);
      }
    } catch (IOException e) {
      LOG.warn("Sending SIGINT to pid {} failed: {}", postmaster.pid(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseException("Interrupted while stopping a leftover PostgreSQL", e);
    }
  }

  private static boolean runsIn(ProcessHandle process, Path pgData) {
    // A postmaster and its children work in their data directory.
    try {
      return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), pgData);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static void deleteStalePidFile(Path pidFile, long pid) {
    try {
      Files.deleteIfExists(pidFile);
      LOG.info(
          "Removed stale {} (pid {} is not a PostgreSQL of this data directory)", pidFile, pid);
    } catch (IOException e) {
      throw new DatabaseException("Cannot remove stale " + pidFile + ": " + e, e);
    }
  }

  private static Optional<ProcessHandle> runningPostmaster(Path pgData) {
    OptionalLong pid = readPid(pgData.resolve("postmaster.pid"));
    return pid.isPresent() ? ProcessHandle.of(pid.getAsLong()) : Optional.empty();
  }

  /** The first line of postmaster.pid is the postmaster's pid. */
  private static OptionalLong readPid(Path pidFile) {
    try (var lines = Files.lines(pidFile)) {
      return lines
          .findFirst()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && line.chars().allMatch(Character::isDigit))
          .map(line -> OptionalLong.of(Long.parseLong(line)))
          .orElse(OptionalLong.empty());
    } catch (IOException | UncheckedIOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Polls, because the postmaster is not this JVM's child (pg_ctl started it) and the JDK watches
   * other processes with sleeps that start at 300 ms and grow.
   */
  private static boolean awaitExit(ProcessHandle process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!hasExited(process)) {
      if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
        return false;
      }
      LockSupport.parkNanos(EXIT_POLL.toNanos());
    }
    return true;
  }

  /**
   * An exited postmaster stays a zombie until its parent, init, reaps it, which some inits do late
   * (and a JVM running as pid 1 never does); the JDK counts a zombie as alive.
   */
  static boolean hasExited(ProcessHandle process) {
    if (!process.isAlive()) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      int afterName = stat.lastIndexOf(')') + 2; // "pid (name) state ..."
      char state = afterName < stat.length() ? stat.charAt(afterName) : 'X';
      return state == 'Z' || state == 'X';
    } catch (IOException e) {
      return true;
    }
  }

  private static FileChannel lockDataDir(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held in this JVM
      }
      if (lock == null) {
        channel.close();
        throw new DatabaseException(
            "Data directory " + dataDir + " is in use by another running Joule");
      }
      return channel;
    } catch (IOException e) {
      throw new DatabaseException("Cannot use data directory " + dataDir + ": " + e, e);
    }
  }

  private static void requireFreePort(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    } catch (IOException e) {
      throw new DatabaseException(
          "Embedded PostgreSQL cannot listen on 127.0.0.1:" + port + ": port in use", e);
    }
  }

  private static String version(Path pgData) {
    try {
      return Files.readString(pgData.resolve("PG_VERSION")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  private static void closeQuietly(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      LOG.debug("Stopping embedded PostgreSQL after a failed start", e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("Closing the data directory lock", e);
    }
  }
}
