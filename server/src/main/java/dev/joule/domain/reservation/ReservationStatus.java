package dev.joule.domain.reservation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a reservation is in its life. {@code pending} until the charger answers ReserveNow (OCPP
 * 1.6 §6.45: Accepted, Faulted, Occupied, Rejected, Unavailable); {@code failed} when it did not
 * answer (offline, timeout, CALLERROR: a charger that timed out may still hold it); then {@code
 * used} by a StartTransaction (§5.13), {@code expired} at its expiryDate, or {@code cancelled}
 * (CancelReservation Accepted, §5.2). The refusals and the last three are final.
 */
public enum ReservationStatus {
  PENDING("pending"),
  RESERVED("reserved"),
  REJECTED("rejected"),
  OCCUPIED("occupied"),
  FAULTED("faulted"),
  UNAVAILABLE("unavailable"),
  FAILED("failed"),
  USED("used"),
  EXPIRED("expired"),
  CANCELLED("cancelled");

  private final String wire;

  ReservationStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<ReservationStatus> fromWire(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }

  /** The states a reservation may come to this one from: the state machine, in one place. */
  public Set<ReservationStatus> from() {
    return switch (this) {
      case PENDING -> EnumSet.noneOf(ReservationStatus.class);
      // a late answer to a ReserveNow that timed out still counts (the charger holds it)
      case RESERVED, REJECTED, OCCUPIED, FAULTED, UNAVAILABLE -> EnumSet.of(PENDING, FAILED);
      case FAILED -> EnumSet.of(PENDING);
      // the charger may start before its answer is recorded, or after a timed-out ReserveNow
      case USED, CANCELLED -> EnumSet.of(PENDING, RESERVED, FAILED);
      case EXPIRED -> EnumSet.of(PENDING, RESERVED, FAILED);
    };
  }

  public boolean canBecome(ReservationStatus next) {
    return next.from().contains(this);
  }

  /** Nothing moves a reservation out of a final state. */
  public boolean isFinal() {
    return Arrays.stream(values()).noneMatch(this::canBecome);
  }

  /** Still holding (or perhaps holding) its connector: what may be used, expired or cancelled. */
  public boolean isOpen() {
    return this == PENDING || this == RESERVED || this == FAILED;
  }
}
