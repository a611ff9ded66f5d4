package dev.joule.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The progress signals the alert rules read, sampled once a second by the supervisor.
 *
 * @param at when sampled
 * @param receivedPerSecond charger CALLs put into the inbox, over the last 10 s
 * @param processedPerSecond CALLs answered after commit, over the last 10 s
 * @param backlog messages waiting to be leased
 * @param oldestWaiting age of the oldest waiting message
 * @param longestHeld the longest any worker has held its current batch
 * @param workersHolding workers holding a batch now
 * @param messagesHeld messages those workers hold
 * @param recentStalls workers abandoned as stalled since the previous sample
 * @param redeliveriesLastMinute messages delivered again in the last minute
 * @param disconnectsLastMinute charger connections closed in the last minute
 * @param commandTimeoutsLastMinute commands to chargers that timed out in the last minute
 * @param dbLatency the readiness probe's latency (elapsed time if it has not answered yet)
 * @param stalledInstances instances of the cluster whose processing stalled, in words (empty on
 *     every node but the acting supervisor)
 * @param goneInstances instances of the cluster without a heartbeat, in words (idem)
 * @param deadLetteredLastMinute CALLs set aside as poison (max-deliver reached) in the last minute
 * @param criticalSecurityEvents critical SecurityEventNotifications this node recorded in the last
 *     minute, in words ("CP-1 TamperDetectionActivated (lid open)")
 * @param authenticationFailuresLastMinute chargers' handshakes refused by authentication in the
 *     last minute (wrong or missing key or certificate, downgrade, unknown identity)
 */
public record Signals(
    Instant at,
    double receivedPerSecond,
    double processedPerSecond,
    int backlog,
    Duration oldestWaiting,
    Duration longestHeld,
    int workersHolding,
    int messagesHeld,
    long recentStalls,
    long redeliveriesLastMinute,
    long disconnectsLastMinute,
    long commandTimeoutsLastMinute,
    Duration dbLatency,
    List<String> stalledInstances,
    List<String> goneInstances,
    long deadLetteredLastMinute,
    List<String> criticalSecurityEvents,
    long authenticationFailuresLastMinute) {

  public Signals {
    criticalSecurityEvents = List.copyOf(criticalSecurityEvents);
    stalledInstances = List.copyOf(stalledInstances);
    goneInstances = List.copyOf(goneInstances);
  }
}
