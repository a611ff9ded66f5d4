package dev.joule.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.message.firmware.UpdateFirmwareRequest;
import dev.joule.ocpp.message.security.FirmwareType;
import dev.joule.ocpp.message.security.GetLogRequest;
import dev.joule.ocpp.message.security.LogEnumType;
import dev.joule.ocpp.message.security.LogParametersType;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WavesTest {

  @Test
  void theFreeSlotsAreConcurrencyMinusInFlightNeverBelowZero() {
    assertThat(Waves.free(5, 0)).isEqualTo(5);
    assertThat(Waves.free(5, 3)).isEqualTo(2);
    assertThat(Waves.free(5, 5)).isZero();
    assertThat(Waves.free(5, 8)).isZero();
  }

  @Test
  void eachChargerGetsItsOwnRequestIdWhereTheKindHasOne() {
    GetLogRequest log =
        new GetLogRequest(
            new LogParametersType("ftp://up/", null, null), LogEnumType.DIAGNOSTICS_LOG, 0, 3, 60);
    GetLogRequest sent = (GetLogRequest) Campaigns.withRequestId(log, 41);
    assertThat(sent.requestId()).isEqualTo(41);
    assertThat(sent.retries()).isEqualTo(3);
    assertThat(sent.log()).isEqualTo(log.log());
    Instant at = Instant.parse("2026-12-07T12:00:00Z");
    SignedUpdateFirmwareRequest signed =
        new SignedUpdateFirmwareRequest(
            null, null, 0, new FirmwareType("https://fw/", at, null, "CERT", "SIG"));
    assertThat(((SignedUpdateFirmwareRequest) Campaigns.withRequestId(signed, 7)).requestId())
        .isEqualTo(7);
    UpdateFirmwareRequest update = new UpdateFirmwareRequest("https://fw/", null, at, null);
    assertThat(Campaigns.withRequestId(update, 7)).isSameAs(update);
  }

  @Test
  void aCampaignMovesRunningPausedRunningAndEndsCancelledOrCompleted() {
    assertThat(CampaignStatus.RUNNING.canBecome(CampaignStatus.PAUSED)).isTrue();
    assertThat(CampaignStatus.PAUSED.canBecome(CampaignStatus.RUNNING)).isTrue();
    assertThat(CampaignStatus.PAUSED.canBecome(CampaignStatus.CANCELLED)).isTrue();
    assertThat(CampaignStatus.PAUSED.canBecome(CampaignStatus.COMPLETED)).isFalse();
    assertThat(CampaignStatus.RUNNING.canBecome(CampaignStatus.RUNNING)).isFalse();
    assertThat(CampaignStatus.CANCELLED.canBecome(CampaignStatus.RUNNING)).isFalse();
    assertThat(CampaignStatus.COMPLETED.canBecome(CampaignStatus.CANCELLED)).isFalse();
  }

  @Test
  void firmwareKindsConflictWithEachOtherAndOnlyTheWhitepapersCarryARequestId() {
    assertThat(CampaignKind.SIGNED_FIRMWARE.conflicting())
        .containsExactlyInAnyOrder(CampaignKind.FIRMWARE, CampaignKind.SIGNED_FIRMWARE);
    assertThat(CampaignKind.LOG.conflicting()).containsExactly(CampaignKind.LOG);
    assertThat(CampaignKind.LOG.hasRequestId()).isTrue();
    assertThat(CampaignKind.DIAGNOSTICS.hasRequestId()).isFalse();
    assertThat(CampaignKind.fromWire("signed-firmware")).contains(CampaignKind.SIGNED_FIRMWARE);
  }
}
