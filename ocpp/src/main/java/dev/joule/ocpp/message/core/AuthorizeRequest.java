package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;

/** OCPP 1.6 Authorize.req (Core profile, charge point to central system). */
public record AuthorizeRequest(@MaxLength(20) String idTag) implements Request {}
