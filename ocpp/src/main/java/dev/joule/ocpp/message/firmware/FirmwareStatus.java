package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 FirmwareStatus (Firmware Management profile). */
public enum FirmwareStatus implements WireEnum {
  DOWNLOADED("Downloaded"),
  DOWNLOAD_FAILED("DownloadFailed"),
  DOWNLOADING("Downloading"),
  IDLE("Idle"),
  INSTALLATION_FAILED("InstallationFailed"),
  INSTALLING("Installing"),
  INSTALLED("Installed");

  private final String wire;

  FirmwareStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
