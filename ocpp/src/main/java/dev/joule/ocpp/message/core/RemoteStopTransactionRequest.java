package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;

/** OCPP 1.6 RemoteStopTransaction.req (Core profile, central system to charge point). */
public record RemoteStopTransactionRequest(int transactionId) implements Request {}
