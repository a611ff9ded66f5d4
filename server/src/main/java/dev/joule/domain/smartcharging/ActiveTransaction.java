package dev.joule.domain.smartcharging;

import java.time.Instant;

/**
 * The transaction running on a connector: a TxProfile's target and a Relative profile's start.
 * {@code startedAt} is the charger's StartTransaction timestamp (a Relative schedule counts from
 * it); {@code recordedAt} is when Joule received it (compared with Joule's own times only).
 */
public record ActiveTransaction(int transactionId, Instant startedAt, Instant recordedAt) {}
