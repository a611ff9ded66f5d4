package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;

/** OCPP 1.6 MeterValues.conf (Core profile, charge point to central system). */
public record MeterValuesResponse() implements Response {}
