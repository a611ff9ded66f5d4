package dev.joule.api;

import java.time.Instant;

/**
 * An idTag as stored: spelt as it was last given, matched case-insensitively.
 *
 * @param status as stored; an expiryDate in the past does not change it here
 * @param expiryDate null when it does not expire
 * @param parentIdTag null when it has no parent
 */
public record IdTagView(
    String idTag,
    String status,
    Instant expiryDate,
    String parentIdTag,
    Instant createdAt,
    Instant updatedAt) {}
