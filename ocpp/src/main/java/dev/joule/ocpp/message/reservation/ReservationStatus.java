package dev.joule.ocpp.message.reservation;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ReservationStatus (Reservation profile). */
public enum ReservationStatus implements WireEnum {
  ACCEPTED("Accepted"),
  FAULTED("Faulted"),
  OCCUPIED("Occupied"),
  REJECTED("Rejected"),
  UNAVAILABLE("Unavailable");

  private final String wire;

  ReservationStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
