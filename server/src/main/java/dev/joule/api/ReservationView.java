package dev.joule.api;

import dev.joule.domain.reservation.Reservation;
import java.time.Instant;

/**
 * A reservation as the API shows it: OCPP's field names, {@code id} the reservationId sent to the
 * charger, {@code commandId} its latest command (ReserveNow, then CancelReservation), {@code
 * transactionId} the transaction that used it.
 */
public record ReservationView(
    int id,
    String chargerId,
    int connectorId,
    String idTag,
    String parentIdTag,
    Instant expiryDate,
    String status,
    Integer transactionId,
    Long commandId,
    Instant createdAt,
    Instant updatedAt) {

  static ReservationView of(Reservation r) {
    return new ReservationView(
        r.id(),
        r.chargerId(),
        r.connectorId(),
        r.idTag(),
        r.parentIdTag().orElse(null),
        r.expiryDate(),
        r.status().wire(),
        r.transactionId().orElse(null),
        r.commandId().orElse(null),
        r.createdAt(),
        r.updatedAt());
  }
}
