package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.Response;

/**
 * OCPP 1.6 DiagnosticsStatusNotification.conf (Firmware Management profile, charge point to central
 * system).
 */
public record DiagnosticsStatusNotificationResponse() implements Response {}
