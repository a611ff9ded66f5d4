package dev.joule.api;

import java.time.Instant;

/**
 * A charge transaction. Stop fields are null while it is open.
 *
 * @param startTimestamp the start time the charger reported
 * @param energyWh see {@link Energy}; null when open and no usable register sample arrived yet
 * @param stopIdTag the idTag that stopped it, if the charger sent one
 */
public record TransactionView(
    int id,
    String chargerId,
    int connectorId,
    String idTag,
    TransactionState status,
    Instant startTimestamp,
    Instant stopTimestamp,
    int meterStart,
    Integer meterStop,
    Long energyWh,
    String stopReason,
    String stopIdTag,
    Integer reservationId) {}
