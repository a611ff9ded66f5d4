package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 DataTransfer.req (Core profile, either direction). */
public record DataTransferRequest(
    @MaxLength(255) String vendorId,
    @Nullable @MaxLength(50) String messageId,
    @Nullable String data)
    implements Request {}
