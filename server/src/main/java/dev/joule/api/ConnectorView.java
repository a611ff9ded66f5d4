package dev.joule.api;

import java.time.Instant;

/**
 * The last status a charger reported for one connector (connector 0 is the charger itself).
 *
 * @param chargerTimestamp the time the charger put in its StatusNotification, as it sent it
 * @param receivedAt when Joule received it
 */
public record ConnectorView(
    int connectorId,
    String status,
    String errorCode,
    String info,
    String vendorId,
    String vendorErrorCode,
    Instant chargerTimestamp,
    Instant receivedAt) {}
