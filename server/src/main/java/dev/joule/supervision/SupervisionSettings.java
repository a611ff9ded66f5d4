package dev.joule.supervision;

import java.time.Duration;

/**
 * How the supervisor judges progress (docs/configuration.md).
 *
 * @param stallAfter a worker holding a message this long is stalled: abandoned and replaced
 * @param notReadyAfter work waiting and nothing completed for this long: not ready
 * @param failAfter no progress for this long: every worker is replaced (in-process restart)
 * @param dbTimeout the readiness probe's {@code SELECT 1} must answer within this
 * @param faultInjection whether the {@code /api/v1/faults} endpoints exist
 */
public record SupervisionSettings(
    Duration stallAfter,
    Duration notReadyAfter,
    Duration failAfter,
    Duration dbTimeout,
    boolean faultInjection) {}
