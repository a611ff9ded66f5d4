package dev.joule.domain.reservation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which reservation a new transaction uses (OCPP 1.6 §5.13, §6.46). A StartTransaction.req that
 * names a reservationId terminates that reservation of the charger. One that names none uses the
 * charger's open reservation that the charger would have let it start on: for its connector or for
 * any connector (0), for its idTag or, when the reservation has a parentIdTag, for an idTag with
 * that parent; idTags compare case-insensitively; the reservation must not have expired at the
 * transaction's start. A reservation of that connector wins over one of connector 0, then the
 * oldest (lowest id).
 */
public final class ReservationMatch {
  private ReservationMatch() {}

  /** An open reservation of the charger, as the rule needs it. */
  public record Candidate(
      int reservationId,
      int connectorId,
      String idTag,
      Optional<String> parentIdTag,
      Instant expiryDate,
      ReservationStatus status) {}

  /**
   * What the StartTransaction.req says.
   *
   * @param parentIdTag the parent Joule's id tags give the transaction's idTag
   */
  public record Start(
      int connectorId,
      String idTag,
      Optional<String> parentIdTag,
      Optional<Integer> reservationId,
      Instant timestamp) {}

  public static Optional<Candidate> of(List<Candidate> candidates, Start start) {
    if (start.reservationId().isPresent()) {
      int id = start.reservationId().get();
      return candidates.stream()
          .filter(c -> c.reservationId() == id && c.status().canBecome(ReservationStatus.USED))
          .findFirst();
    }
    return candidates.stream()
        .filter(c -> c.status().canBecome(ReservationStatus.USED))
        .filter(c -> c.connectorId() == 0 || c.connectorId() == start.connectorId())
        .filter(c -> start.timestamp().isBefore(c.expiryDate()))
        .filter(c -> sameHolder(c, start))
        .min(
            Comparator.comparing((Candidate c) -> c.connectorId() == 0)
                .thenComparingInt(Candidate::reservationId));
  }

  private static boolean sameHolder(Candidate reservation, Start start) {
    if (reservation.idTag().equalsIgnoreCase(start.idTag())) {
      return true;
    }
    return reservation.parentIdTag().isPresent()
        && start
            .parentIdTag()
            .filter(reservation.parentIdTag().get()::equalsIgnoreCase)
            .isPresent();
  }
}
