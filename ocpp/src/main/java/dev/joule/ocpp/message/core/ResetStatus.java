package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ResetStatus (Core profile). */
public enum ResetStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String wire;

  ResetStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
