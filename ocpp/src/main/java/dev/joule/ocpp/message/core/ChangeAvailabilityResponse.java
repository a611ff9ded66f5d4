package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 ChangeAvailability.conf (Core profile, central system to charge point). */
public record ChangeAvailabilityResponse(AvailabilityStatus status) implements Response {}
