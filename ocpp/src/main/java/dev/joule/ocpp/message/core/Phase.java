package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 Phase (Core profile). */
public enum Phase implements WireEnum {
  L1("L1"),
  L2("L2"),
  L3("L3"),
  N("N"),
  L1_N("L1-N"),
  L2_N("L2-N"),
  L3_N("L3-N"),
  L1_L2("L1-L2"),
  L2_L3("L2-L3"),
  L3_L1("L3-L1");

  private final String wire;

  Phase(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
