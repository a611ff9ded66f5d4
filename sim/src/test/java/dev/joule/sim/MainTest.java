package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class MainTest {

  @Test
  void commandLineRunWritesTheSummaryAsJson(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("result.json");
    try (FakeCentralSystem server = new FakeCentralSystem(Set.of())) {
      StringWriter stdout = new StringWriter();
      int exit =
          new CommandLine(new Main())
              .setOut(new PrintWriter(stdout))
              .execute(
                  "--url=" + server.url(),
                  "--chargers=3",
                  "--prefix=SIM:",
                  "--first=7",
                  "--ramp=0s",
                  "--duration=1s",
                  "--out=" + out);

      assertThat(exit).isZero();
      assertThat(stdout.toString()).contains("3 attempted, 3 opened, 0 failed");
      assertThat(server.paths)
          .containsExactlyInAnyOrder("/ocpp/SIM%3A7", "/ocpp/SIM%3A8", "/ocpp/SIM%3A9");
    }
    JsonObject json = new JsonObject(Files.readString(out));
    assertThat(json.getInteger("chargers")).isEqualTo(3);
    assertThat(json.getJsonObject("connections").getInteger("opened")).isEqualTo(3);
    JsonObject total = json.getJsonObject("total");
    assertThat(total.getLong("sent")).isPositive().isEqualTo(total.getLong("results"));
  }

  @Test
  void tlsTurnsAWsUrlIntoWss() {
    assertThat(Main.secure(java.net.URI.create("ws://127.0.0.1:8180/ocpp")))
        .hasToString("wss://127.0.0.1:8180/ocpp");
    assertThat(Main.secure(java.net.URI.create("wss://h/ocpp"))).hasToString("wss://h/ocpp");
  }

  @Test
  void aBadDurationIsRefusedWithUsage() {
    StringWriter stderr = new StringWriter();
    int exit = new CommandLine(new Main()).setErr(new PrintWriter(stderr)).execute("--ramp=soon");

    assertThat(exit).isEqualTo(2);
    assertThat(stderr.toString()).contains("not a duration: 'soon'").contains("Usage:");
  }
}
