package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ResetType (Core profile). */
public enum ResetType implements WireEnum {
  HARD("Hard"),
  SOFT("Soft");

  private final String wire;

  ResetType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
