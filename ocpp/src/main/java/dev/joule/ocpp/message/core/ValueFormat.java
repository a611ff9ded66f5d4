package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ValueFormat (Core profile). */
public enum ValueFormat implements WireEnum {
  RAW("Raw"),
  SIGNED_DATA("SignedData");

  private final String wire;

  ValueFormat(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
