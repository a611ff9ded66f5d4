package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 Location (Core profile). */
public enum Location implements WireEnum {
  CABLE("Cable"),
  EV("EV"),
  INLET("Inlet"),
  OUTLET("Outlet"),
  BODY("Body");

  private final String wire;

  Location(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
