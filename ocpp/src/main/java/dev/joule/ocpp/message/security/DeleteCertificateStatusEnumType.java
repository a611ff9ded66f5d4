package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 DeleteCertificateStatusEnumType (Security (whitepaper edition 3) profile). */
public enum DeleteCertificateStatusEnumType implements WireEnum {
  ACCEPTED("Accepted"),
  FAILED("Failed"),
  NOT_FOUND("NotFound");

  private final String wire;

  DeleteCertificateStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
