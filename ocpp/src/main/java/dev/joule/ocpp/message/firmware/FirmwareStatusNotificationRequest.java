package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.Request;

/**
 * OCPP 1.6 FirmwareStatusNotification.req (Firmware Management profile, charge point to central
 * system).
 */
public record FirmwareStatusNotificationRequest(FirmwareStatus status) implements Request {}
