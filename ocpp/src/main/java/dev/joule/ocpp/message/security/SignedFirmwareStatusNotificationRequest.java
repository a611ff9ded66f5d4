package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Nullable;

/**
 * OCPP 1.6 SignedFirmwareStatusNotification.req (Security (whitepaper edition 3) profile, charge
 * point to central system).
 */
public record SignedFirmwareStatusNotificationRequest(
    FirmwareStatusEnumType status, @Nullable Integer requestId) implements Request {}
