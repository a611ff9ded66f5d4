package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 AvailabilityType (Core profile). */
public enum AvailabilityType implements WireEnum {
  INOPERATIVE("Inoperative"),
  OPERATIVE("Operative");

  private final String wire;

  AvailabilityType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
