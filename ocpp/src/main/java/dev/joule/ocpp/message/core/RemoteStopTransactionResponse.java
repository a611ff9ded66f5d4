package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 RemoteStopTransaction.conf (Core profile, central system to charge point). */
public record RemoteStopTransactionResponse(RemoteStartStopStatus status) implements Response {}
