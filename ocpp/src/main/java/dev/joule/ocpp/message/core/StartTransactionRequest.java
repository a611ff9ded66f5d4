package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/** OCPP 1.6 StartTransaction.req (Core profile, charge point to central system). */
public record StartTransactionRequest(
    @Min(1) int connectorId,
    @MaxLength(20) String idTag,
    int meterStart,
    @Nullable Integer reservationId,
    Instant timestamp)
    implements Request {}
