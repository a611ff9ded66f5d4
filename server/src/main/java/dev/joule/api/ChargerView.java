package dev.joule.api;

import java.time.Instant;
import java.util.List;

/**
 * A charger as the list shows it. Fields the charger never reported are null.
 *
 * @param firmware the firmware version from its last BootNotification
 * @param registrationStatus what Joule answered to its last BootNotification
 * @param connected whether it holds a connection to the gateway now
 * @param connectedSince when that connection opened; null when not connected
 */
public record ChargerView(
    String id,
    String vendor,
    String model,
    String firmware,
    String registrationStatus,
    Instant lastSeen,
    Instant lastBoot,
    boolean connected,
    Instant connectedSince,
    List<ConnectorView> connectors) {}
