package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ClearChargingProfileStatus (Smart Charging profile). */
public enum ClearChargingProfileStatus implements WireEnum {
  ACCEPTED("Accepted"),
  UNKNOWN("Unknown");

  private final String wire;

  ClearChargingProfileStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
