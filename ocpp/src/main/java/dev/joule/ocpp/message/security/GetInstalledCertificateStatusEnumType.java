package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 GetInstalledCertificateStatusEnumType (Security (whitepaper edition 3) profile). */
public enum GetInstalledCertificateStatusEnumType implements WireEnum {
  ACCEPTED("Accepted"),
  NOT_FOUND("NotFound");

  private final String wire;

  GetInstalledCertificateStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
