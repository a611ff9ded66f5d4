package dev.joule.ocpp.message.localauth;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 UpdateType (Local Auth List Management profile). */
public enum UpdateType implements WireEnum {
  DIFFERENTIAL("Differential"),
  FULL("Full");

  private final String wire;

  UpdateType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
