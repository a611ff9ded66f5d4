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
    boolean faultInjection,
    OnFailure onFailure) {

  /** What a processor that made no progress for fail-after does. */
  public enum OnFailure {
    /** Abandon and replace every worker in-process, with backoff (the embedded default). */
    RESTART,
    /**
     * Exit the process with {@link #EXIT_CODE} so its supervisor (systemd, Kubernetes) restarts it:
     * for processors that run as their own process.
     */
    EXIT;

    /** The exit code of a processor that gave up (EX_SOFTWARE). */
    public static final int EXIT_CODE = 70;
  }
}
