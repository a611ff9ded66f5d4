package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.message.core.BootNotificationRequest;
import dev.joule.ocpp.message.core.ResetRequest;
import dev.joule.ocpp.message.core.ResetType;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.GetDiagnosticsRequest;
import dev.joule.ocpp.message.firmware.GetDiagnosticsResponse;
import dev.joule.ocpp.message.firmware.UpdateFirmwareRequest;
import dev.joule.ocpp.message.security.FirmwareType;
import dev.joule.ocpp.message.security.GetLogRequest;
import dev.joule.ocpp.message.security.LogEnumType;
import dev.joule.ocpp.message.security.LogParametersType;
import dev.joule.ocpp.message.security.LogStatusNotificationRequest;
import dev.joule.ocpp.message.security.SignedFirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpdatesTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  static final Duration STEP = Duration.ofMillis(200);

  static List<String> statuses(Updates.Plan plan) {
    return plan.steps().stream()
        .map(
            step ->
                switch (step.request()) {
                  case FirmwareStatusNotificationRequest r -> r.status().wire();
                  case SignedFirmwareStatusNotificationRequest r ->
                      r.status().wire() + "/" + r.requestId();
                  case DiagnosticsStatusNotificationRequest r -> r.status().wire();
                  case LogStatusNotificationRequest r -> r.status().wire() + "/" + r.requestId();
                  case BootNotificationRequest r -> "Boot " + r.firmwareVersion();
                  default -> step.request().toString();
                })
        .toList();
  }

  @Test
  void anUpdateWaitsForItsRetrieveDateThenDownloadsInstallsRebootsAndReportsInstalled() {
    UpdateFirmwareRequest update =
        new UpdateFirmwareRequest(
            "https://fw.example/images/ac-2.1.bin", null, NOW.plusSeconds(5), null);
    Updates.Plan plan = Updates.of("CP-1", update, NOW, STEP, Updates.Failure.NONE).orElseThrow();
    assertThat(statuses(plan))
        .containsExactly("Downloading", "Downloaded", "Installing", "Boot ac-2.1.bin", "Installed");
    assertThat(plan.steps().getFirst().after()).isEqualTo(Duration.ofSeconds(5).plus(STEP));
    assertThat(plan.steps().get(1).after()).isEqualTo(STEP);
    assertThat(plan.steps().getFirst().action()).isEqualTo(Action.FIRMWARE_STATUS_NOTIFICATION);
  }

  @Test
  void aRetrieveDateInThePastStartsAtOnce() {
    UpdateFirmwareRequest update =
        new UpdateFirmwareRequest("ftp://fw/x.bin", null, NOW.minusSeconds(60), null);
    Updates.Plan plan = Updates.of("CP-1", update, NOW, STEP, Updates.Failure.NONE).orElseThrow();
    assertThat(plan.steps().getFirst().after()).isEqualTo(STEP);
  }

  @Test
  void aFailingUpdateStopsAtDownloadFailedOrInstallationFailed() {
    UpdateFirmwareRequest update = new UpdateFirmwareRequest("ftp://fw/x.bin", null, NOW, null);
    assertThat(statuses(Updates.of("CP-1", update, NOW, STEP, Updates.Failure.EARLY).get()))
        .containsExactly("Downloading", "DownloadFailed");
    assertThat(statuses(Updates.of("CP-1", update, NOW, STEP, Updates.Failure.LATE).get()))
        .containsExactly("Downloading", "Downloaded", "Installing", "InstallationFailed");
  }

  @Test
  void aSignedUpdateVerifiesTheSignatureAndRepeatsItsRequestId() {
    SignedUpdateFirmwareRequest signed =
        new SignedUpdateFirmwareRequest(
            null, null, 42, new FirmwareType("https://fw/s.bin", NOW, null, "CERT", "SIG"));
    Updates.Plan plan = Updates.of("CP-1", signed, NOW, STEP, Updates.Failure.NONE).orElseThrow();
    assertThat(statuses(plan))
        .containsExactly(
            "Downloading/42",
            "Downloaded/42",
            "SignatureVerified/42",
            "Installing/42",
            "Boot s.bin",
            "Installed/42");
    assertThat(plan.answer().toString()).contains("ACCEPTED");
  }

  @Test
  void diagnosticsAndLogsUploadWithAFileName() {
    Updates.Plan diagnostics =
        Updates.of(
                "CP-7",
                new GetDiagnosticsRequest("ftp://up/", null, null, null, null),
                NOW,
                STEP,
                Updates.Failure.NONE)
            .orElseThrow();
    assertThat(statuses(diagnostics)).containsExactly("Uploading", "Uploaded");
    assertThat(((GetDiagnosticsResponse) diagnostics.answer()).fileName())
        .isEqualTo("diagnostics-CP-7.zip");
    GetLogRequest log =
        new GetLogRequest(
            new LogParametersType("ftp://up/", null, null),
            LogEnumType.SECURITY_LOG,
            9,
            null,
            null);
    assertThat(statuses(Updates.of("CP-7", log, NOW, STEP, Updates.Failure.EARLY).get()))
        .containsExactly("Uploading/9", "UploadFailure/9");
  }

  @Test
  void otherCommandsHaveNoPlan() {
    assertThat(
            Updates.of("CP-1", new ResetRequest(ResetType.SOFT), NOW, STEP, Updates.Failure.NONE))
        .isEmpty();
  }

  @Test
  void theNewVersionIsTheFileNameAtMostFiftyCharacters() {
    assertThat(Updates.version("https://h/a/b/fw-3.bin?token=1")).isEqualTo("fw-3.bin");
    assertThat(Updates.version("https://h/")).isEqualTo("h");
    assertThat(Updates.version("x".repeat(80))).hasSize(50);
  }
}
