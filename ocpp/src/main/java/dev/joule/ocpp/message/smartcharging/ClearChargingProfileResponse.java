package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.Response;

/** OCPP 1.6 ClearChargingProfile.conf (Smart Charging profile, central system to charge point). */
public record ClearChargingProfileResponse(ClearChargingProfileStatus status) implements Response {}
