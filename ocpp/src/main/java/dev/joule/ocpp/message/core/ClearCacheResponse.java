package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 ClearCache.conf (Core profile, central system to charge point). */
public record ClearCacheResponse(ClearCacheStatus status) implements Response {}
