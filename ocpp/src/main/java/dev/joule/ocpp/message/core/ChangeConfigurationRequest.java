package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;

/** OCPP 1.6 ChangeConfiguration.req (Core profile, central system to charge point). */
public record ChangeConfigurationRequest(@MaxLength(50) String key, @MaxLength(500) String value)
    implements Request {}
