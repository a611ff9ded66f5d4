package dev.joule.store;

import java.nio.file.Path;

/**
 * A Joule that dies without closing anything, run in its own JVM by {@link EmbeddedPostgresTest}:
 * starts the embedded server, writes a row, prints the postmaster's pid, then waits to be killed.
 */
final class CrashingJoule {
  static final String NOTE = "written before the crash";

  private CrashingJoule() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedPostgres server =
        EmbeddedPostgres.start(
            EmbeddedPostgres.Settings.in(Path.of(args[0])).withBinariesDir(Path.of(args[1])));
    TestPostgres.execute(
        server.jdbcUrl(),
        "CREATE TABLE crash_note (note TEXT)",
        "INSERT INTO crash_note VALUES ('" + NOTE + "')");
    System.out.println("READY " + server.postmasterPid());
    System.out.flush();
    Thread.currentThread().join();
  }
}
