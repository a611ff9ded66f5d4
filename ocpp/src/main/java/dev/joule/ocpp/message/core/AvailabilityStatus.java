package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 AvailabilityStatus (Core profile). */
public enum AvailabilityStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  SCHEDULED("Scheduled");

  private final String wire;

  AvailabilityStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
