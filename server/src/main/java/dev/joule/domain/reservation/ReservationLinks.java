package dev.joule.domain.reservation;

import dev.joule.store.ReservationRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * Marks the reservation a new transaction used ({@link ReservationMatch}) and links the
 * transaction, in the transaction's own database transaction (the same commit as its row).
 */
public final class ReservationLinks {
  private final ReservationRepository repository;

  public ReservationLinks(ReservationRepository repository) {
    this.repository = repository;
  }

  /** The id of the reservation the transaction used, if any. */
  public Optional<Integer> usedBy(
      Connection connection,
      String chargerId,
      ReservationMatch.Start start,
      int transactionId,
      Instant at) {
    Optional<ReservationMatch.Candidate> used =
        ReservationMatch.of(
            repository.withStatus(connection, chargerId, ReservationStates.open()).stream()
                .map(row -> Reservation.of(row).candidate())
                .toList(),
            start);
    return used.filter(
            c ->
                repository.move(
                    connection,
                    chargerId,
                    c.reservationId(),
                    ReservationStatus.USED.wire(),
                    ReservationStates.from(ReservationStatus.USED),
                    Optional.empty(),
                    Optional.of(transactionId),
                    at))
        .map(ReservationMatch.Candidate::reservationId);
  }
}
