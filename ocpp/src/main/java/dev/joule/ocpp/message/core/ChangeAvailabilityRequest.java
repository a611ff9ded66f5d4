package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Min;

/** OCPP 1.6 ChangeAvailability.req (Core profile, central system to charge point). */
public record ChangeAvailabilityRequest(@Min(0) int connectorId, AvailabilityType type)
    implements Request {}
