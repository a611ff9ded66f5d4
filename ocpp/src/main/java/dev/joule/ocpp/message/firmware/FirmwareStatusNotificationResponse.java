package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.Response;

/**
 * OCPP 1.6 FirmwareStatusNotification.conf (Firmware Management profile, charge point to central
 * system).
 */
public record FirmwareStatusNotificationResponse() implements Response {}
