package dev.joule.supervision.instances;

import java.util.List;

/**
 * What one node says about itself once a second: the heartbeat the supervisor judges it by. Times
 * are epoch milliseconds of the node's clock (only ages on one clock are compared: the supervisor
 * times heartbeats by when it received them).
 *
 * @param id the node's {@code node-id}
 * @param roles the roles it runs, e.g. {@code ["processor"]}
 * @param host the host name it runs on
 * @param pid its process id
 * @param incarnation a random id of this run: a restarted node with the same id has a new one
 * @param startedAt when it started
 * @param at when this report was written
 * @param progress what its own supervisor says of it
 */
public record InstanceReport(
    String id,
    List<String> roles,
    String host,
    long pid,
    String incarnation,
    long startedAt,
    long at,
    Progress progress) {

  public InstanceReport {
    roles = List.copyOf(roles);
  }

  boolean processes() {
    return roles.contains("processor");
  }
}
