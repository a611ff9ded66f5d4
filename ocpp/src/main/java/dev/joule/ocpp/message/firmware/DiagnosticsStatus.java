package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 DiagnosticsStatus (Firmware Management profile). */
public enum DiagnosticsStatus implements WireEnum {
  IDLE("Idle"),
  UPLOADED("Uploaded"),
  UPLOAD_FAILED("UploadFailed"),
  UPLOADING("Uploading");

  private final String wire;

  DiagnosticsStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
