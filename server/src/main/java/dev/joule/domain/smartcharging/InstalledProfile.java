package dev.joule.domain.smartcharging;

import dev.joule.ocpp.message.smartcharging.ChargingProfile;
import java.time.Instant;

/**
 * A profile a charger accepted (SetChargingProfile Accepted, not replaced nor cleared since): the
 * connector it was set on and when Joule recorded the charger's answer.
 */
public record InstalledProfile(int connectorId, ChargingProfile profile, Instant installedAt) {}
