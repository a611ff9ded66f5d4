package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/**
 * OCPP 1.6 SecurityEventNotification.req (Security (whitepaper edition 3) profile, charge point to
 * central system).
 */
public record SecurityEventNotificationRequest(
    @MaxLength(50) String type, Instant timestamp, @Nullable @MaxLength(255) String techInfo)
    implements Request {}
