package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 StopTransaction.conf (Core profile, charge point to central system). */
public record StopTransactionResponse(@Nullable IdTagInfo idTagInfo) implements Response {}
