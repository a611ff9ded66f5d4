package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ChargingProfileStatus (Smart Charging profile). */
public enum ChargingProfileStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  NOT_SUPPORTED("NotSupported");

  private final String wire;

  ChargingProfileStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
