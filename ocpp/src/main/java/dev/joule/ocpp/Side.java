package dev.joule.ocpp;

/** The two parties of an OCPP 1.6J connection. */
public enum Side {
  CHARGE_POINT,
  CENTRAL_SYSTEM;

  public Side peer() {
    return this == CHARGE_POINT ? CENTRAL_SYSTEM : CHARGE_POINT;
  }
}
