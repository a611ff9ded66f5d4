package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 FirmwareStatusEnumType (Security (whitepaper edition 3) profile). */
public enum FirmwareStatusEnumType implements WireEnum {
  DOWNLOADED("Downloaded"),
  DOWNLOAD_FAILED("DownloadFailed"),
  DOWNLOADING("Downloading"),
  DOWNLOAD_SCHEDULED("DownloadScheduled"),
  DOWNLOAD_PAUSED("DownloadPaused"),
  IDLE("Idle"),
  INSTALLATION_FAILED("InstallationFailed"),
  INSTALLING("Installing"),
  INSTALLED("Installed"),
  INSTALL_REBOOTING("InstallRebooting"),
  INSTALL_SCHEDULED("InstallScheduled"),
  INSTALL_VERIFICATION_FAILED("InstallVerificationFailed"),
  INVALID_SIGNATURE("InvalidSignature"),
  SIGNATURE_VERIFIED("SignatureVerified");

  private final String wire;

  FirmwareStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
