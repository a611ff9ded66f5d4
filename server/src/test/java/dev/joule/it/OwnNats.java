package dev.joule.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A nats-server with JetStream started by a test on a free port, its store in a directory of the
 * test, so the test may restart it; stopped by the test. Skips when no nats-server binary is there.
 */
final class OwnNats {
  private static final Path[] BINARIES = {
    Path.of("/usr/sbin/nats-server"),
    Path.of("/usr/bin/nats-server"),
    Path.of("/usr/local/bin/nats-server")
  };

  private final Path binary;
  private final Path dir;
  private final int port;
  private Process process;
  private int starts;

  private OwnNats(Path binary, Path dir, int port) {
    this.binary = binary;
    this.dir = dir;
    this.port = port;
  }

  static OwnNats start(Path dir) throws IOException, InterruptedException {
    Path binary = null;
    for (Path candidate : BINARIES) {
      if (Files.isExecutable(candidate)) {
        binary = candidate;
      }
    }
    assumeTrue(
        binary != null,
        "No nats-server binary in /usr/sbin, /usr/bin or /usr/local/bin: NATS restarts not tested");
    Files.createDirectories(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    OwnNats nats = new OwnNats(binary, dir, port);
    nats.launch();
    return nats;
  }

  String url() {
    return "nats://127.0.0.1:" + port;
  }

  private void launch() throws IOException {
    Path log = dir.resolve("nats-" + (starts++) + ".log");
    process =
        new ProcessBuilder(
                binary.toString(),
                "-js",
                "-a",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-sd",
                dir.resolve("store").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Await.until(
        () -> {
          try {
            return Files.readString(log).contains("Server is ready") || !process.isAlive();
          } catch (IOException e) {
            return false;
          }
        },
        Duration.ofSeconds(20));
    if (!process.isAlive()) {
      throw new AssertionError("nats-server did not start: " + Files.readString(log));
    }
  }

  /** SIGTERM (a clean stop, as a service restart does), then the same server again. */
  void restart() throws IOException, InterruptedException {
    stop();
    launch();
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
