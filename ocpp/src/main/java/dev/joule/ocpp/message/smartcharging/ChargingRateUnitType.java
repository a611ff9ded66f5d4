package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ChargingRateUnitType (Smart Charging profile). */
public enum ChargingRateUnitType implements WireEnum {
  A("A"),
  W("W");

  private final String wire;

  ChargingRateUnitType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
