package dev.joule.domain.reservation;

import java.util.Arrays;
import java.util.List;

/** The state machine's sets as the repository takes them: status words. */
public final class ReservationStates {
  private ReservationStates() {}

  /** The words of the states {@code next} may be reached from. */
  public static List<String> from(ReservationStatus next) {
    return next.from().stream().map(ReservationStatus::wire).toList();
  }

  /** The state a ReserveNow.conf status moves a pending reservation to (OCPP 1.6 §7.43). */
  public static ReservationStatus answer(
      dev.joule.ocpp.message.reservation.ReservationStatus status) {
    return switch (status) {
      case ACCEPTED -> ReservationStatus.RESERVED;
      case FAULTED -> ReservationStatus.FAULTED;
      case OCCUPIED -> ReservationStatus.OCCUPIED;
      case REJECTED -> ReservationStatus.REJECTED;
      case UNAVAILABLE -> ReservationStatus.UNAVAILABLE;
    };
  }

  /** The words of the states still holding a connector ({@link ReservationStatus#isOpen}). */
  public static List<String> open() {
    return Arrays.stream(ReservationStatus.values())
        .filter(ReservationStatus::isOpen)
        .map(ReservationStatus::wire)
        .toList();
  }
}
