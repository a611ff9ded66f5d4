package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 GenericStatusEnumType (Security (whitepaper edition 3) profile). */
public enum GenericStatusEnumType implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String wire;

  GenericStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
