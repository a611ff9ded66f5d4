package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 ChangeConfiguration.conf (Core profile, central system to charge point). */
public record ChangeConfigurationResponse(ConfigurationStatus status) implements Response {}
