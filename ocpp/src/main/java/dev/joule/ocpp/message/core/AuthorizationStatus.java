package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 AuthorizationStatus (Core profile). */
public enum AuthorizationStatus implements WireEnum {
  ACCEPTED("Accepted"),
  BLOCKED("Blocked"),
  EXPIRED("Expired"),
  INVALID("Invalid"),
  CONCURRENT_TX("ConcurrentTx");

  private final String wire;

  AuthorizationStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
