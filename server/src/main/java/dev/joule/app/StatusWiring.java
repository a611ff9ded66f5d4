package dev.joule.app;

import dev.joule.gateway.CallSecond;
import dev.joule.gateway.CallSeconds;
import dev.joule.status.CallTally;
import dev.joule.status.Node;
import dev.joule.status.StatusRecorder;
import dev.joule.supervision.instances.InstanceMonitor;
import dev.joule.supervision.instances.InstanceView;
import dev.joule.supervision.instances.Instances;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the status recorder with what it needs to know of the cluster and of the gateway. */
final class StatusWiring {
  private static final Logger LOG = LoggerFactory.getLogger(StatusWiring.class);

  private StatusWiring() {}

  /**
   * The recorder of this node: alert transitions always, component states and incidents when this
   * node is the acting supervisor; node rows only in a cluster (one process has no nodes to list);
   * the gateway's per-second CALL tallies under this node's id, rolled up once a second on {@code
   * timers}.
   */
  static StatusRecorder recorder(
      Config config,
      String node,
      DataSource dataSource,
      InstanceMonitor instances,
      CallSeconds calls,
      ScheduledExecutorService timers) {
    boolean cluster = config.bus().isPresent();
    Supplier<StatusRecorder.ClusterView> view =
        () -> {
          Instances now = instances.instances();
          return new StatusRecorder.ClusterView(
              now.acting(), cluster ? nodes(now.instances()) : List.of());
        };
    timers.scheduleAtFixedRate(() -> roll(calls), 1, 1, TimeUnit.SECONDS);
    return new StatusRecorder(
        dataSource,
        node,
        view,
        config.status(),
        (second, limit) -> calls.after(second, limit).stream().map(s -> tally(node, s)).toList());
  }

  private static void roll(CallSeconds calls) {
    try {
      calls.roll();
    } catch (RuntimeException e) { // would cancel the schedule
      LOG.warn("rolling up the gateway's CALL seconds failed", e);
    }
  }

  private static CallTally tally(String node, CallSecond s) {
    return new CallTally(
        node,
        s.second(),
        s.startedAt(),
        s.received(),
        s.answered(),
        s.delayed(),
        s.deadlinesMissed(),
        s.abandoned(),
        s.longestWaitMicros(),
        s.bucketUpperMicros(),
        s.bucketCounts(),
        s.delayedChargers(),
        s.moreDelayedChargers(),
        s.commandsSent(),
        s.commandsTimedOut(),
        s.receivedTotal(),
        s.answeredTotal(),
        s.abandonedTotal());
  }

  private static List<Node> nodes(List<InstanceView> instances) {
    return instances.stream()
        .map(
            i ->
                new Node(
                    i.id(), i.roles(), i.state().wire(), i.detail(), i.healings(), i.lastHealing()))
        .toList();
  }
}
