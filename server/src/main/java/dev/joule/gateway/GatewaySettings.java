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
 */
public record GatewaySettings(
    int maxFrameBytes,
    Duration pingInterval,
    Duration pongTimeout,
    boolean tolerantPing,
    int callQueueLimit,
    Duration replyDeadline,
    Duration callTimeout) {}
