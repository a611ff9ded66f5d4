package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.schema.MultipleOf;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 ChargingSchedulePeriod (Smart Charging profile). */
public record ChargingSchedulePeriod(
    int startPeriod, @MultipleOf(0.1) double limit, @Nullable Integer numberPhases) {}
