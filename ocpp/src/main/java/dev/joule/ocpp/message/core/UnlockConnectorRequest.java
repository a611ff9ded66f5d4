package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Min;

/** OCPP 1.6 UnlockConnector.req (Core profile, central system to charge point). */
public record UnlockConnectorRequest(@Min(1) int connectorId) implements Request {}
