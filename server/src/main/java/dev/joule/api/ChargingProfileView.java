package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A charging profile as SetChargingProfile sent it ({@code profile}, OCPP 1.6 §7.8
 * csChargingProfiles), with the status its commands gave it (installed, replaced, rejected,
 * cleared; docs/commands.md), on charger {@code chargerId}.
 */
public record ChargingProfileView(
    String chargerId,
    int chargingProfileId,
    int connectorId,
    String purpose,
    int stackLevel,
    String status,
    JsonNode profile,
    long commandId,
    Instant updatedAt) {}
