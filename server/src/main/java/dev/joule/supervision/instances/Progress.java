package dev.joule.supervision.instances;

import java.util.List;

/**
 * What a node's own supervisor says of it, read once a second for its heartbeat.
 *
 * @param holding messages its workers hold now
 * @param longestHeldMillis the longest any of its workers has held its batch
 * @param processed messages it has answered after commit since it started
 * @param connected chargers connected to it now
 * @param ready its own readiness ({@code /health/ready})
 * @param reasons why it is not ready, empty when ready
 * @param supervisorAgeMillis how old its own supervisor's last view is: a supervisor thread that
 *     stopped looking leaves this growing while the heartbeat thread still runs
 * @param healings healing actions its own supervisor took since it started (a worker replaced)
 * @param lastHealing the last of them in words, empty when none
 * @param lastHealingAt when it took the last, epoch milliseconds of its clock; 0 when none
 */
public record Progress(
    int holding,
    long longestHeldMillis,
    long processed,
    int connected,
    boolean ready,
    List<String> reasons,
    long supervisorAgeMillis,
    long healings,
    String lastHealing,
    long lastHealingAt) {

  public Progress {
    reasons = List.copyOf(reasons);
    lastHealing = lastHealing == null ? "" : lastHealing; // a node of an older version
  }
}
