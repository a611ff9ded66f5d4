package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 DataTransfer.conf (Core profile, either direction). */
public record DataTransferResponse(DataTransferStatus status, @Nullable String data)
    implements Response {}
