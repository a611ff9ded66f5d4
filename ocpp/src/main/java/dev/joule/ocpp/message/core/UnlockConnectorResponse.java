package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 UnlockConnector.conf (Core profile, central system to charge point). */
public record UnlockConnectorResponse(UnlockStatus status) implements Response {}
