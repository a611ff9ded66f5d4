package dev.joule.api;

import java.time.Instant;

/** One StatusNotification in a charger's history. */
public record StatusChangeView(
    long id,
    int connectorId,
    String status,
    String errorCode,
    String info,
    String vendorId,
    String vendorErrorCode,
    Instant chargerTimestamp,
    Instant receivedAt) {}
