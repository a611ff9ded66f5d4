package dev.joule.domain.campaign;

import static dev.joule.domain.campaign.CampaignChargerState.CANCELLED;
import static dev.joule.domain.campaign.CampaignChargerState.DOWNLOADED;
import static dev.joule.domain.campaign.CampaignChargerState.DOWNLOADING;
import static dev.joule.domain.campaign.CampaignChargerState.FAILED;
import static dev.joule.domain.campaign.CampaignChargerState.INSTALLED;
import static dev.joule.domain.campaign.CampaignChargerState.INSTALLING;
import static dev.joule.domain.campaign.CampaignChargerState.PENDING;
import static dev.joule.domain.campaign.CampaignChargerState.SENT;
import static dev.joule.domain.campaign.CampaignChargerState.TIMED_OUT;
import static dev.joule.domain.campaign.CampaignChargerState.UPLOADED;
import static dev.joule.domain.campaign.CampaignChargerState.UPLOADING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CampaignChargerStateTest {

  @Test
  void aFirmwareUpdateMovesOnlyForwardEvenWhenNotificationsAreSkipped() {
    assertThat(SENT.canBecome(DOWNLOADING)).isTrue();
    assertThat(SENT.canBecome(INSTALLED)).isTrue(); // a charger may report only Installed
    assertThat(DOWNLOADED.canBecome(INSTALLING)).isTrue();
    assertThat(INSTALLING.canBecome(DOWNLOADING)).isFalse(); // a late Downloading is ignored
    assertThat(DOWNLOADED.canBecome(DOWNLOADED)).isFalse(); // a redelivery changes nothing
    assertThat(INSTALLED.canBecome(FAILED)).isFalse();
  }

  @Test
  void finalStatesNeverChangeAndNothingButAPendingChargerIsCancelled() {
    for (CampaignChargerState state : CampaignChargerState.values()) {
      if (state.isFinal()) {
        assertThat(Arrays.stream(CampaignChargerState.values()).noneMatch(state::canBecome))
            .as(state.wire())
            .isTrue();
      }
    }
    assertThat(CANCELLED.from()).containsExactly(PENDING);
    assertThat(TIMED_OUT.from()).contains(PENDING, SENT, INSTALLING, UPLOADING);
    assertThat(TIMED_OUT.from()).doesNotContain(INSTALLED, UPLOADED, FAILED);
  }

  @Test
  void onlySentAndReportedProgressHoldASlot() {
    assertThat(CampaignChargerState.IN_FLIGHT)
        .containsExactlyInAnyOrder(SENT, DOWNLOADING, DOWNLOADED, INSTALLING, UPLOADING);
    assertThat(PENDING.inFlight()).isFalse();
    assertThat(FAILED.inFlight()).isFalse();
    assertThat(inFlightAndFinalAreDisjoint()).isTrue();
  }

  private static boolean inFlightAndFinalAreDisjoint() {
    return CampaignChargerState.IN_FLIGHT.stream().noneMatch(CampaignChargerState::isFinal);
  }

  @Test
  void aNotConnectedChargerGoesBackToPendingFromSentOnly() {
    assertThat(PENDING.from()).containsExactly(SENT);
    assertThat(SENT.from()).containsExactly(PENDING);
  }

  @Test
  void eachKindListsTheStatesItsChargersPass() {
    assertThat(CampaignChargerState.of(CampaignKind.FIRMWARE))
        .contains(DOWNLOADED, INSTALLED)
        .doesNotContain(UPLOADED);
    assertThat(CampaignChargerState.of(CampaignKind.LOG))
        .contains(UPLOADING, UPLOADED, TIMED_OUT)
        .doesNotContain(INSTALLED);
  }
}
