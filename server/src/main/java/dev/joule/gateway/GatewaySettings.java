package dev.joule.gateway;

import java.time.Duration;

/**
 * How the gateway treats connections. Defaults are the configuration's (docs/configuration.md).
 *
 * @param maxFrameBytes largest text frame accepted; larger ones close the connection (1009)
 * @param pingInterval how often the gateway pings each charger; zero disables pings
 * @param pongTimeout how long a pong may take before the connection counts as dead
 * @param tolerantPing keep connections whose charger never answers pings (some firmware)
 * @param callQueueLimit CALLs a charger may send ahead while one is being processed
 * @param replyDeadline after this, a CALL still unanswered gets CALLERROR InternalError
 * @param callTimeout how long the gateway waits for a charger to answer a CSMS CALL
 * @param resendAfter a CALL still unanswered after this is published to the inbox once more (the
 *     handlers are idempotent; the first answer wins); zero = never. For a bus between processes,
 *     where a NATS restart can lose a CALL the inbox had accepted.
 */
public record GatewaySettings(
    int maxFrameBytes,
    Duration pingInterval,
    Duration pongTimeout,
    boolean tolerantPing,
    int callQueueLimit,
    Duration replyDeadline,
    Duration callTimeout,
    Duration resendAfter) {

  /** Settings that never resend a CALL (the in-process bus loses none). */
  public GatewaySettings(
      int maxFrameBytes,
      Duration pingInterval,
      Duration pongTimeout,
      boolean tolerantPing,
      int callQueueLimit,
      Duration replyDeadline,
      Duration callTimeout) {
    this(
        maxFrameBytes,
        pingInterval,
        pongTimeout,
        tolerantPing,
        callQueueLimit,
        replyDeadline,
        callTimeout,
        Duration.ZERO);
  }

  public GatewaySettings withResendAfter(Duration after) {
    return new GatewaySettings(
        maxFrameBytes,
        pingInterval,
        pongTimeout,
        tolerantPing,
        callQueueLimit,
        replyDeadline,
        callTimeout,
        after);
  }
}
