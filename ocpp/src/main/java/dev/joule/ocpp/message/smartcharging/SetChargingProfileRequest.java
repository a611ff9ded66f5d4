package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Min;

/** OCPP 1.6 SetChargingProfile.req (Smart Charging profile, central system to charge point). */
public record SetChargingProfileRequest(@Min(0) int connectorId, ChargingProfile csChargingProfiles)
    implements Request {}
