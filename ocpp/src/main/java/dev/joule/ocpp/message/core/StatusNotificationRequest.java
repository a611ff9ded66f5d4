package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/** OCPP 1.6 StatusNotification.req (Core profile, charge point to central system). */
public record StatusNotificationRequest(
    @Min(0) int connectorId,
    ChargePointErrorCode errorCode,
    @Nullable @MaxLength(50) String info,
    ChargePointStatus status,
    @Nullable Instant timestamp,
    @Nullable @MaxLength(255) String vendorId,
    @Nullable @MaxLength(50) String vendorErrorCode)
    implements Request {}
