package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 ClearChargingProfile.req (Smart Charging profile, central system to charge point). */
public record ClearChargingProfileRequest(
    @Nullable Integer id,
    @Nullable @Min(0) Integer connectorId,
    @Nullable ChargingProfilePurposeType chargingProfilePurpose,
    @Nullable @Min(0) Integer stackLevel)
    implements Request {}
