package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 RemoteStartTransaction.conf (Core profile, central system to charge point). */
public record RemoteStartTransactionResponse(RemoteStartStopStatus status) implements Response {}
