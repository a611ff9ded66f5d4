package dev.joule.alerting;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Alert thresholds and where notifications go (docs/configuration.md, keys {@code alert-*}).
 *
 * @param webhook where firing and resolved alerts are POSTed as JSON, if anywhere
 * @param stallHeld a worker holding a message this long counts as stalled for the alert (the
 *     supervisor replaces it only at stall-after, so the alert can fire before healing completes)
 * @param oldestWaiting oldest message waiting in the inbox longer than this
 * @param processingBehindFor processed rate below received rate for this long
 * @param redeliveriesPerMinute redeliveries in the last minute above this
 * @param disconnectsPerMinute chargers disconnecting in the last minute above this
 * @param commandTimeoutsPerMinute commands to chargers timing out in the last minute above this
 * @param authenticationFailuresPerMinute chargers' handshakes refused by authentication in the last
 *     minute above this
 * @param dbLatency readiness probe latency above this
 * @param resolveAfter a firing alert resolves only after its condition stayed clear this long
 */
public record AlertSettings(
    Optional<URI> webhook,
    Duration stallHeld,
    Duration oldestWaiting,
    Duration processingBehindFor,
    int redeliveriesPerMinute,
    int disconnectsPerMinute,
    int commandTimeoutsPerMinute,
    int authenticationFailuresPerMinute,
    Duration dbLatency,
    Duration resolveAfter) {}
