package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 TriggerMessageStatusEnumType (Security (whitepaper edition 3) profile). */
public enum TriggerMessageStatusEnumType implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  NOT_IMPLEMENTED("NotImplemented");

  private final String wire;

  TriggerMessageStatusEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
