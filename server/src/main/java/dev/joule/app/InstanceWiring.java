package dev.joule.app;

import dev.joule.bus.Inbox;
import dev.joule.status.Healing;
import dev.joule.supervision.Health;
import dev.joule.supervision.Metrics;
import dev.joule.supervision.instances.InstanceMonitor;
import dev.joule.supervision.instances.Progress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/** Builds this node's {@link InstanceMonitor} and what its heartbeats report. */
final class InstanceWiring {
  /** One process has no cluster to lose it in: the single node judges only itself. */
  private static final Duration SINGLE_GONE_AFTER = Duration.ofSeconds(3);

  private InstanceWiring() {}

  /**
   * In a cluster: heartbeats in NATS KV on a connection of their own; refuses a second live node
   * with this node's id. In one process: the node alone.
   */
  static InstanceMonitor monitor(Config config, String node, Inbox inbox, Metrics metrics) {
    InstanceMonitor.Identity identity =
        new InstanceMonitor.Identity(
            node,
            config.roles().stream().map(Role::key).sorted().toList(),
            host(),
            ProcessHandle.current().pid());
    InstanceMonitor.Settings settings =
        new InstanceMonitor.Settings(
            config.bus().map(Config.Bus::instanceGoneAfter).orElse(SINGLE_GONE_AFTER),
            config.supervision().stallAfter(),
            config.ackWait());
    if (config.bus().isEmpty()) {
      return InstanceMonitor.single(identity, settings, metrics::instances);
    }
    Config.Bus bus = config.bus().get();
    io.nats.client.Connection connection = NatsConnection.open(bus);
    try {
      return InstanceMonitor.cluster(
          connection,
          bus.cluster(),
          identity,
          settings,
          config.runs(Role.SUPERVISOR),
          () -> inbox.stats().waiting(),
          metrics::instances);
    } catch (RuntimeException e) {
      NatsConnection.close(connection);
      throw e;
    }
  }

  /** This node's progress as its own supervisor last saw it. */
  static Progress progress(Health health) {
    int holding = 0;
    double longest = 0;
    for (Health.Worker worker : health.processing().workers()) {
      holding += worker.holding();
      longest = Math.max(longest, worker.heldForSeconds());
    }
    Healing last = health.processing().lastHealing();
    return new Progress(
        holding,
        Math.round(longest * 1000),
        health.processing().processed(),
        health.chargers().connected(),
        health.ready(),
        List.copyOf(health.reasons()),
        Math.max(0, System.currentTimeMillis() - health.at().toEpochMilli()),
        health.processing().healings(),
        last == null ? "" : last.text(),
        last == null ? 0 : last.at().toEpochMilli());
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
