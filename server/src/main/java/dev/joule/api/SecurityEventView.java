package dev.joule.api;

import java.time.Instant;

/**
 * One SecurityEventNotification: {@code type} as the charger sent it, {@code critical} when the
 * whitepaper marks the type critical, the charger's {@code timestamp} and Joule's receive time.
 */
record SecurityEventView(
    long id,
    String type,
    boolean critical,
    Instant timestamp,
    String techInfo,
    Instant receivedAt) {}
