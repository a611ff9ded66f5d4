package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ClearCacheStatus (Core profile). */
public enum ClearCacheStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String wire;

  ClearCacheStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
