package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 RegistrationStatus (Core profile). */
public enum RegistrationStatus implements WireEnum {
  ACCEPTED("Accepted"),
  PENDING("Pending"),
  REJECTED("Rejected");

  private final String wire;

  RegistrationStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
