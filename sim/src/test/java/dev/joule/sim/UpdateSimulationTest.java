package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.message.firmware.GetDiagnosticsRequest;
import dev.joule.ocpp.message.firmware.UpdateFirmwareRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Simulated chargers act on firmware and diagnostics commands over a real WebSocket. */
@Timeout(60)
class UpdateSimulationTest {

  static Summary run(FakeCentralSystem server, int chargers, Mix mix, double failures)
      throws InterruptedException {
    SimConfig config =
        new SimConfig(
            URI.create(server.url()),
            chargers,
            1,
            "CP-",
            Duration.ofMillis(200),
            Duration.ofMillis(2500),
            0,
            Duration.ofSeconds(5),
            1,
            7,
            mix,
            "",
            List.of(),
            Instant.EPOCH,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Duration.ofMillis(100),
            failures,
            10);
    return new Simulation(
            config,
            Clock.systemUTC(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run();
  }

  /** What {@code charger} ("CP-1 ") sent, in order, without its name. */
  static List<String> of(java.util.Collection<String> seen, String charger) {
    return seen.stream()
        .filter(line -> line.startsWith(charger))
        .map(line -> line.substring(charger.length()))
        .toList();
  }

  static Request update() {
    return new UpdateFirmwareRequest(
        "https://fw.example/ac-2.1.bin", null, Instant.now().minusSeconds(1), null);
  }

  @Test
  void aChargerReportsItsUpdateBetweenItsOtherCallsAndBootsTheNewFirmware() throws Exception {
    try (FakeCentralSystem server = new FakeCentralSystem(update())) {
      Summary summary = run(server, 2, Mix.REALISTIC, 0);
      for (String charger : List.of("CP-1 ", "CP-2 ")) {
        assertThat(of(server.updateStatuses, charger))
            .containsExactly("Downloading", "Downloaded", "Installing", "Installed");
        assertThat(of(server.firmwareVersions, charger))
            .containsExactly(Updates.FIRMWARE, "ac-2.1.bin");
      }
      assertThat(server.calls(Action.METER_VALUES)).isPositive();
      assertThat(summary.connections().opened()).isEqualTo(2);
    }
  }

  @Test
  void anIdleChargerStillReportsAndEveryFailingOneStopsAtAFailure() throws Exception {
    try (FakeCentralSystem server =
        new FakeCentralSystem(new GetDiagnosticsRequest("ftp://up/", null, null, null, null))) {
      run(server, 3, Mix.parse("idle"), 1);
      for (String charger : List.of("CP-1 ", "CP-2 ", "CP-3 ")) {
        assertThat(of(server.updateStatuses, charger)).containsExactly("Uploading", "UploadFailed");
      }
    }
  }
}
