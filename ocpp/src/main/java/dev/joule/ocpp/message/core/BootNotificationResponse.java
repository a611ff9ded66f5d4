package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Response;
import java.time.Instant;

/** OCPP 1.6 BootNotification.conf (Core profile, charge point to central system). */
public record BootNotificationResponse(RegistrationStatus status, Instant currentTime, int interval)
    implements Response {}
