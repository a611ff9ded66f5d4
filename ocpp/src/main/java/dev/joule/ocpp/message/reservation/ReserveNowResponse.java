package dev.joule.ocpp.message.reservation;

import dev.joule.ocpp.Response;

/** OCPP 1.6 ReserveNow.conf (Reservation profile, central system to charge point). */
public record ReserveNowResponse(ReservationStatus status) implements Response {}
