package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.Request;

/**
 * OCPP 1.6 DiagnosticsStatusNotification.req (Firmware Management profile, charge point to central
 * system).
 */
public record DiagnosticsStatusNotificationRequest(DiagnosticsStatus status) implements Request {}
