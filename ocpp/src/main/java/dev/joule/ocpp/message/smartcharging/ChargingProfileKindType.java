package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ChargingProfileKindType (Smart Charging profile). */
public enum ChargingProfileKindType implements WireEnum {
  ABSOLUTE("Absolute"),
  RECURRING("Recurring"),
  RELATIVE("Relative");

  private final String wire;

  ChargingProfileKindType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
