package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;

/** OCPP 1.6 ClearCache.req (Core profile, central system to charge point). */
public record ClearCacheRequest() implements Request {}
