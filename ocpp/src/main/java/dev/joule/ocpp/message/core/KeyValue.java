package dev.joule.ocpp.message.core;

import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 KeyValue (Core profile). */
public record KeyValue(
    @MaxLength(50) String key, boolean readonly, @Nullable @MaxLength(500) String value) {}
