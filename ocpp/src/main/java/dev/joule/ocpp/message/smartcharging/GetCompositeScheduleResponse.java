package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.Response;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/** OCPP 1.6 GetCompositeSchedule.conf (Smart Charging profile, central system to charge point). */
public record GetCompositeScheduleResponse(
    GetCompositeScheduleStatus status,
    @Nullable Integer connectorId,
    @Nullable Instant scheduleStart,
    @Nullable ChargingSchedule chargingSchedule)
    implements Response {}
