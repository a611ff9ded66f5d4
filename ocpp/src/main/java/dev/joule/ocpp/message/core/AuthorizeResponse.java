package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 Authorize.conf (Core profile, charge point to central system). */
public record AuthorizeResponse(IdTagInfo idTagInfo) implements Response {}
