package dev.joule.ocpp.message.reservation;

import dev.joule.ocpp.Response;

/** OCPP 1.6 CancelReservation.conf (Reservation profile, central system to charge point). */
public record CancelReservationResponse(CancelReservationStatus status) implements Response {}
