package dev.joule.ocpp.message.reservation;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 CancelReservationStatus (Reservation profile). */
public enum CancelReservationStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected");

  private final String wire;

  CancelReservationStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
