package dev.joule.supervision;

/**
 * What the supervisor reads from the gateways, as running totals (wired to the gateway's counters
 * in {@code app}, so supervision does not depend on the gateway).
 *
 * @param connected chargers connected now
 * @param disconnects connections closed since start
 * @param commandsSent central-system CALLs sent to chargers since start
 * @param commandTimeouts central-system CALLs that timed out since start
 * @param replyDeadlinesMissed charger CALLs answered InternalError at the reply deadline
 * @param authenticationFailures chargers' handshakes refused by authentication since start
 */
public record GatewaySignals(
    int connected,
    long disconnects,
    long commandsSent,
    long commandTimeouts,
    long replyDeadlinesMissed,
    long authenticationFailures) {}
