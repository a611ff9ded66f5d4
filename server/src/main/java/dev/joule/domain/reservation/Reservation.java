package dev.joule.domain.reservation;

import dev.joule.store.ReservationRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * A reservation of a connector (0: any) of a charger for an idTag until {@code expiryDate}; its
 * {@code commandId} is the latest command about it (ReserveNow, then CancelReservation), its {@code
 * transactionId} the transaction that used it.
 */
public record Reservation(
    int id,
    String chargerId,
    int connectorId,
    String idTag,
    Optional<String> parentIdTag,
    Instant expiryDate,
    ReservationStatus status,
    Optional<Long> commandId,
    Optional<Integer> transactionId,
    Instant createdAt,
    Instant updatedAt) {

  static Reservation of(ReservationRepository.Row row) {
    return new Reservation(
        row.reservationId(),
        row.chargerId(),
        row.connectorId(),
        row.idTag(),
        row.parentIdTag(),
        row.expiryDate(),
        ReservationStatus.fromWire(row.status()).orElseThrow(),
        row.commandId(),
        row.transactionId(),
        row.createdAt(),
        row.updatedAt());
  }

  ReservationMatch.Candidate candidate() {
    return new ReservationMatch.Candidate(id, connectorId, idTag, parentIdTag, expiryDate, status);
  }
}
