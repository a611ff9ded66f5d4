package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 StartTransaction.conf (Core profile, charge point to central system). */
public record StartTransactionResponse(IdTagInfo idTagInfo, int transactionId)
    implements Response {}
