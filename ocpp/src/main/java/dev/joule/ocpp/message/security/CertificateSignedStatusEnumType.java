package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 CertificateSignedStatusEnumType (Security (whitepaper edition 3) profile). */
public enum CertificateSignedStatusEnumType implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String wire;

  CertificateSignedStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
