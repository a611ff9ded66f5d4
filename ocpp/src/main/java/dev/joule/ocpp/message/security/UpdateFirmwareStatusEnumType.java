package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 UpdateFirmwareStatusEnumType (Security (whitepaper edition 3) profile). */
public enum UpdateFirmwareStatusEnumType implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  ACCEPTED_CANCELED("AcceptedCanceled"),
  INVALID_CERTIFICATE("InvalidCertificate"),
  REVOKED_CERTIFICATE("RevokedCertificate");

  private final String wire;

  UpdateFirmwareStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
