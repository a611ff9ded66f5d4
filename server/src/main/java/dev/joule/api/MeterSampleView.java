package dev.joule.api;

import java.time.Instant;

/**
 * One sampled value of a transaction, as the charger sent it in MeterValues or in StopTransaction's
 * transactionData ({@code source}).
 *
 * @param value the value as reported (a number for raw samples, opaque for SignedData)
 * @param phase null when the sample is not per phase
 * @param location null when the charger did not say (OCPP's default is Outlet)
 */
record MeterSampleView(
    Instant timestamp,
    int connectorId,
    String measurand,
    String phase,
    String location,
    String value,
    String unit,
    String context,
    String format,
    String source,
    Instant receivedAt) {}
