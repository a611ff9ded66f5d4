package dev.joule.supervision.instances;

import java.util.List;

/**
 * The cluster as one node sees it, refreshed every {@value InstanceMonitor#TICK_MILLIS} ms.
 *
 * @param instances every node with a heartbeat in the bucket, by id
 * @param acting whether this node is the supervisor that acts on the cluster (holds the lease):
 *     only then are {@code stalled} and {@code gone} filled, so one alert fires, not one per node
 * @param supervisor the node that holds the supervisor lease, empty if none
 * @param stalled what ProcessingStalled reports: stalled processors, gone ones until their messages
 *     were redelivered, and a backlog with no live processor
 * @param gone what InstanceGone reports: every node without a heartbeat
 */
public record Instances(
    List<InstanceView> instances,
    boolean acting,
    String supervisor,
    List<String> stalled,
    List<String> gone) {

  /** Before the first round. */
  public static final Instances NONE = new Instances(List.of(), false, "", List.of(), List.of());

  public Instances {
    instances = List.copyOf(instances);
    stalled = List.copyOf(stalled);
    gone = List.copyOf(gone);
  }
}
