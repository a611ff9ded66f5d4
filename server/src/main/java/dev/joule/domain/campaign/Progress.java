package dev.joule.domain.campaign;

import dev.joule.ocpp.message.firmware.DiagnosticsStatus;
import dev.joule.ocpp.message.firmware.FirmwareStatus;
import dev.joule.ocpp.message.security.FirmwareStatusEnumType;
import dev.joule.ocpp.message.security.UploadLogStatusEnumType;
import java.util.Optional;

/**
 * What a charger's notification means for its campaign row: the state it moves to, or empty when
 * the status changes nothing (Idle, a scheduled or paused download: the status is recorded, the
 * state stays). Pure: the switches are over the spec's enums, without default.
 */
public final class Progress {
  private Progress() {}

  /** FirmwareStatusNotification (OCPP 1.6 §7.25 FirmwareStatus). */
  public static Optional<CampaignChargerState> of(FirmwareStatus status) {
    return Optional.ofNullable(
        switch (status) {
          case DOWNLOADING -> CampaignChargerState.DOWNLOADING;
          case DOWNLOADED -> CampaignChargerState.DOWNLOADED;
          case INSTALLING -> CampaignChargerState.INSTALLING;
          case INSTALLED -> CampaignChargerState.INSTALLED;
          case DOWNLOAD_FAILED, INSTALLATION_FAILED -> CampaignChargerState.FAILED;
          // §4.5: Idle only answers a TriggerMessage when nothing is going on
          case IDLE -> null;
        });
  }

  /** SignedFirmwareStatusNotification (whitepaper edition 3, FirmwareStatusEnumType). */
  public static Optional<CampaignChargerState> of(FirmwareStatusEnumType status) {
    return Optional.ofNullable(
        switch (status) {
          case DOWNLOADING -> CampaignChargerState.DOWNLOADING;
          case DOWNLOADED, SIGNATURE_VERIFIED -> CampaignChargerState.DOWNLOADED;
          case INSTALLING, INSTALL_REBOOTING, INSTALL_SCHEDULED -> CampaignChargerState.INSTALLING;
          case INSTALLED -> CampaignChargerState.INSTALLED;
          case DOWNLOAD_FAILED,
              INSTALLATION_FAILED,
              INSTALL_VERIFICATION_FAILED,
              INVALID_SIGNATURE ->
              CampaignChargerState.FAILED;
          case DOWNLOAD_SCHEDULED, DOWNLOAD_PAUSED, IDLE -> null;
        });
  }

  /** DiagnosticsStatusNotification (OCPP 1.6 §7.24 DiagnosticsStatus). */
  public static Optional<CampaignChargerState> of(DiagnosticsStatus status) {
    return Optional.ofNullable(
        switch (status) {
          case UPLOADING -> CampaignChargerState.UPLOADING;
          case UPLOADED -> CampaignChargerState.UPLOADED;
          case UPLOAD_FAILED -> CampaignChargerState.FAILED;
          case IDLE -> null;
        });
  }

  /** LogStatusNotification (whitepaper edition 3, UploadLogStatusEnumType). */
  public static Optional<CampaignChargerState> of(UploadLogStatusEnumType status) {
    return Optional.ofNullable(
        switch (status) {
          case UPLOADING -> CampaignChargerState.UPLOADING;
          case UPLOADED -> CampaignChargerState.UPLOADED;
          case BAD_MESSAGE, NOT_SUPPORTED_OPERATION, PERMISSION_DENIED, UPLOAD_FAILURE ->
              CampaignChargerState.FAILED;
          case IDLE -> null;
        });
  }
}
