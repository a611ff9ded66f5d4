package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 LogStatusEnumType (Security (whitepaper edition 3) profile). */
public enum LogStatusEnumType implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  ACCEPTED_CANCELED("AcceptedCanceled");

  private final String wire;

  LogStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
