package dev.joule.app;

import dev.joule.status.Node;
import dev.joule.status.StatusRecorder;
import dev.joule.supervision.instances.InstanceMonitor;
import dev.joule.supervision.instances.InstanceView;
import dev.joule.supervision.instances.Instances;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Builds the status recorder with what it needs to know of the cluster. */
final class StatusWiring {
  private StatusWiring() {}

  /**
   * The recorder of this node: alert transitions always, component states and incidents when this
   * node is the acting supervisor; node rows only in a cluster (one process has no nodes to list).
   */
  static StatusRecorder recorder(
      Config config, String node, DataSource dataSource, InstanceMonitor instances) {
    boolean cluster = config.bus().isPresent();
    Supplier<StatusRecorder.ClusterView> view =
        () -> {
          Instances now = instances.instances();
          return new StatusRecorder.ClusterView(
              now.acting(), cluster ? nodes(now.instances()) : List.of());
        };
    return new StatusRecorder(dataSource, node, view, config.status());
  }

  private static List<Node> nodes(List<InstanceView> instances) {
    return instances.stream()
        .map(i -> new Node(i.id(), i.roles(), i.state().wire(), i.detail()))
        .toList();
  }
}
