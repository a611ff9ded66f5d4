package dev.joule.ocpp.message.reservation;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/** OCPP 1.6 ReserveNow.req (Reservation profile, central system to charge point). */
public record ReserveNowRequest(
    @Min(0) int connectorId,
    Instant expiryDate,
    @MaxLength(20) String idTag,
    @Nullable @MaxLength(20) String parentIdTag,
    int reservationId)
    implements Request {}
