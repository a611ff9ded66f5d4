package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 Reset.conf (Core profile, central system to charge point). */
public record ResetResponse(ResetStatus status) implements Response {}
