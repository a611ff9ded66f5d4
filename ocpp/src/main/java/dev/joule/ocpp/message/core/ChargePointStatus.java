package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ChargePointStatus (Core profile). */
public enum ChargePointStatus implements WireEnum {
  AVAILABLE("Available"),
  PREPARING("Preparing"),
  CHARGING("Charging"),
  SUSPENDED_EVSE("SuspendedEVSE"),
  SUSPENDED_EV("SuspendedEV"),
  FINISHING("Finishing"),
  RESERVED("Reserved"),
  UNAVAILABLE("Unavailable"),
  FAULTED("Faulted");

  private final String wire;

  ChargePointStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
