package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.Response;

/** OCPP 1.6 SetChargingProfile.conf (Smart Charging profile, central system to charge point). */
public record SetChargingProfileResponse(ChargingProfileStatus status) implements Response {}
