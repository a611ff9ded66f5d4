package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.supervision.SupervisionSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor run as its own process ({@code on-processing-failure: exit}) that makes no progress
 * for fail-after exits with its distinct code, so its supervisor restarts it. Runs Joule in a child
 * JVM: the test JVM must not exit.
 */
class ProcessingExitIT {
  @TempDir Path dataDir;

  @Test
  @Timeout(90)
  void noProgressForFailAfterExitsWithTheProcessorCode() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = dataDir.resolve("joule.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.joule.app.Main",
                "run",
                "--port",
                Integer.toString(port),
                "--data-dir",
                dataDir.resolve("data").toString(),
                "--enable-fault-injection")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JOULE_API_TOKEN", JouleServer.TOKEN);
    builder.environment().put("JOULE_ON_PROCESSING_FAILURE", "exit");
    builder.environment().put("JOULE_FAIL_AFTER", "2s");
    builder.environment().put("JOULE_STALL_AFTER", "60s");
    Process joule = builder.start();
    try {
      Await.until(() -> read(log).contains("Joule ready"), Duration.ofSeconds(60));
      HttpResponse<String> hang =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/api/v1/faults/hang-workers"))
                      .header("Authorization", "Bearer " + JouleServer.TOKEN)
                      .POST(HttpRequest.BodyPublishers.ofString("{\"count\":4,\"seconds\":60}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(hang.statusCode()).isEqualTo(200);
      try (RawCharger charger = RawCharger.connect(port, "EXIT-1")) {
        charger.send("[2,\"x-1\",\"Heartbeat\",{}]");

        assertThat(joule.waitFor(60, TimeUnit.SECONDS)).as("Joule exited").isTrue();
      }
      assertThat(joule.exitValue()).isEqualTo(SupervisionSettings.OnFailure.EXIT_CODE);
      assertThat(read(log)).contains("exiting with code 70");
    } finally {
      joule.destroyForcibly();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
