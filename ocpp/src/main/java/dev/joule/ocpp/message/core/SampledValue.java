package dev.joule.ocpp.message.core;

import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 SampledValue (Core profile). */
public record SampledValue(
    String value,
    @Nullable ReadingContext context,
    @Nullable ValueFormat format,
    @Nullable Measurand measurand,
    @Nullable Phase phase,
    @Nullable Location location,
    @Nullable UnitOfMeasure unit) {}
