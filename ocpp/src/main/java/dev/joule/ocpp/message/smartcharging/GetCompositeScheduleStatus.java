package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 GetCompositeScheduleStatus (Smart Charging profile). */
public enum GetCompositeScheduleStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String wire;

  GetCompositeScheduleStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
