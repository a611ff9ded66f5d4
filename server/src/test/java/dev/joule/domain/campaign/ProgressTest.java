package dev.joule.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.message.firmware.DiagnosticsStatus;
import dev.joule.ocpp.message.firmware.FirmwareStatus;
import dev.joule.ocpp.message.security.FirmwareStatusEnumType;
import dev.joule.ocpp.message.security.UploadLogStatusEnumType;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void firmwareStatusesMapToTheirStatesAndIdleChangesNothing() {
    assertThat(Progress.of(FirmwareStatus.DOWNLOADING)).contains(CampaignChargerState.DOWNLOADING);
    assertThat(Progress.of(FirmwareStatus.INSTALLED)).contains(CampaignChargerState.INSTALLED);
    assertThat(Progress.of(FirmwareStatus.DOWNLOAD_FAILED)).contains(CampaignChargerState.FAILED);
    assertThat(Progress.of(FirmwareStatus.INSTALLATION_FAILED))
        .contains(CampaignChargerState.FAILED);
    assertThat(Progress.of(FirmwareStatus.IDLE)).isEmpty();
  }

  @Test
  void signedFirmwareCountsAVerifiedSignatureAsDownloadedAndEveryRefusalAsFailed() {
    assertThat(Progress.of(FirmwareStatusEnumType.SIGNATURE_VERIFIED))
        .contains(CampaignChargerState.DOWNLOADED);
    assertThat(Progress.of(FirmwareStatusEnumType.INSTALL_REBOOTING))
        .contains(CampaignChargerState.INSTALLING);
    assertThat(Progress.of(FirmwareStatusEnumType.INVALID_SIGNATURE))
        .contains(CampaignChargerState.FAILED);
    assertThat(Progress.of(FirmwareStatusEnumType.INSTALL_VERIFICATION_FAILED))
        .contains(CampaignChargerState.FAILED);
    assertThat(Progress.of(FirmwareStatusEnumType.DOWNLOAD_SCHEDULED)).isEmpty();
    assertThat(Progress.of(FirmwareStatusEnumType.DOWNLOAD_PAUSED)).isEmpty();
  }

  @Test
  void uploadsEndUploadedOrFailed() {
    assertThat(Progress.of(DiagnosticsStatus.UPLOADED)).contains(CampaignChargerState.UPLOADED);
    assertThat(Progress.of(DiagnosticsStatus.UPLOAD_FAILED)).contains(CampaignChargerState.FAILED);
    assertThat(Progress.of(UploadLogStatusEnumType.UPLOADING))
        .contains(CampaignChargerState.UPLOADING);
    assertThat(Progress.of(UploadLogStatusEnumType.PERMISSION_DENIED))
        .contains(CampaignChargerState.FAILED);
    assertThat(Progress.of(UploadLogStatusEnumType.IDLE)).isEmpty();
  }
}
