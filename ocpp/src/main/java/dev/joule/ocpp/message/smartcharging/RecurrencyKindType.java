package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 RecurrencyKindType (Smart Charging profile). */
public enum RecurrencyKindType implements WireEnum {
  DAILY("Daily"),
  WEEKLY("Weekly");

  private final String wire;

  RecurrencyKindType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
