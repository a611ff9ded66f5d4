package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 InstallCertificateStatusEnumType (Security (whitepaper edition 3) profile). */
public enum InstallCertificateStatusEnumType implements WireEnum {
  ACCEPTED("Accepted"),
  FAILED("Failed"),
  REJECTED("Rejected");

  private final String wire;

  InstallCertificateStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
