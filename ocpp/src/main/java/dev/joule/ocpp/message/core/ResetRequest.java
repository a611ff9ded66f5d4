package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;

/** OCPP 1.6 Reset.req (Core profile, central system to charge point). */
public record ResetRequest(ResetType type) implements Request {}
