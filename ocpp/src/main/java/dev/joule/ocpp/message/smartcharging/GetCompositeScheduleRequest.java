package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 GetCompositeSchedule.req (Smart Charging profile, central system to charge point). */
public record GetCompositeScheduleRequest(
    @Min(0) int connectorId, int duration, @Nullable ChargingRateUnitType chargingRateUnit)
    implements Request {}
