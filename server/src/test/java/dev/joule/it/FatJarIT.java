package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar joule.jar}: the one runnable jar the build leaves, with {@code log-format: json}
 * (issue 16).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FatJarIT {
  private static final Path JAR = Path.of("target", "joule.jar");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static ProcessBuilder java(String... args) {
    String java = ProcessHandle.current().info().command().orElse("java");
    String[] command = new String[args.length + 3];
    command[0] = java;
    command[1] = "-jar";
    command[2] = JAR.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  @Test
  void itSaysItsVersionAndCommitAndRunsOnItsEmbeddedDatabaseLoggingJson() throws Exception {
    assertThat(JAR).as("built by the package phase").exists();
    Process version = java("--version").start();
    String said = new String(version.getInputStream().readAllBytes());
    assertThat(version.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(said.trim()).matches("joule \\S+ \\(commit \\S+\\)");

    Path log = dir.resolve("joule.log");
    ProcessBuilder builder =
        java("run", "--port", "0", "--data-dir", dir.resolve("data").toString())
            .redirectOutput(log.toFile());
    builder.environment().put("JOULE_LOG_FORMAT", "json");
    Process run = builder.start();
    try {
      // The start-up lines (version, ports) follow "Joule ready": wait for them too.
      Await.until(
          () ->
              (read(log).contains("Joule ready") && read(log).contains("ws://<host>:"))
                  || !run.isAlive(),
          Duration.ofSeconds(90));
      List<JsonNode> lines = new ArrayList<>();
      for (String line : read(log).split("\n")) {
        lines.add(JSON.readTree(line)); // every line is one JSON object
      }
      JsonNode ready =
          lines.stream()
              .filter(l -> l.path("message").asText().startsWith("Joule ready in "))
              .findFirst()
              .orElseThrow();
      assertThat(ready.path("level").asText()).isEqualTo("INFO");
      assertThat(ready.path("logger").asText()).isEqualTo("dev.joule.app.Joule");
      assertThat(ready.path("instance").asText()).isEqualTo("node-1");
      assertThat(ready.path("time").asText()).isNotEmpty();
      assertThat(lines)
          .extracting(l -> l.path("message").asText())
          .contains("  version              " + said.trim().substring("joule ".length()));

      // A line the gateway logs about a charger's frame carries the charger as a field.
      Matcher port = Pattern.compile("ws://<host>:(\\d+)/ocpp").matcher(read(log));
      assertThat(port.find()).isTrue();
      try (RawCharger charger = RawCharger.connect(Integer.parseInt(port.group(1)), "CP-JSON")) {
        charger.sendBinary(new byte[] {1, 2, 3}); // refused: OCPP-J is text frames only
        Await.until(charger::isClosed, Duration.ofSeconds(10));
      }
      Await.until(() -> read(log).contains("CP-JSON: closing connection"), Duration.ofSeconds(10));
      JsonNode closing =
          read(log)
              .lines()
              .map(FatJarIT::json)
              .filter(l -> l.path("message").asText().startsWith("CP-JSON: closing connection"))
              .findFirst()
              .orElseThrow();
      assertThat(closing.path("chargerId").asText()).isEqualTo("CP-JSON");
      assertThat(closing.path("logger").asText()).isEqualTo("dev.joule.gateway.Connection");
    } finally {
      run.destroy(); // SIGTERM: the shutdown hooks stop the embedded PostgreSQL
      if (!run.waitFor(30, TimeUnit.SECONDS)) {
        run.destroyForcibly();
      }
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
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
