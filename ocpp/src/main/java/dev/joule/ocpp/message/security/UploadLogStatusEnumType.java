package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 UploadLogStatusEnumType (Security (whitepaper edition 3) profile). */
public enum UploadLogStatusEnumType implements WireEnum {
  BAD_MESSAGE("BadMessage"),
  IDLE("Idle"),
  NOT_SUPPORTED_OPERATION("NotSupportedOperation"),
  PERMISSION_DENIED("PermissionDenied"),
  UPLOADED("Uploaded"),
  UPLOAD_FAILURE("UploadFailure"),
  UPLOADING("Uploading");

  private final String wire;

  UploadLogStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
