package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Response;

/**
 * OCPP 1.6 SecurityEventNotification.conf (Security (whitepaper edition 3) profile, charge point to
 * central system).
 */
public record SecurityEventNotificationResponse() implements Response {}
