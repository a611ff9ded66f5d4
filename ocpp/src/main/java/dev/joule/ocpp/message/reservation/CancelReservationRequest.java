package dev.joule.ocpp.message.reservation;

import dev.joule.ocpp.Request;

/** OCPP 1.6 CancelReservation.req (Reservation profile, central system to charge point). */
public record CancelReservationRequest(int reservationId) implements Request {}
