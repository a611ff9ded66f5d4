package dev.joule.app;

import dev.joule.cluster.ChargerRegistry;
import dev.joule.cluster.ClusterCommands;
import dev.joule.cluster.ClusterDisconnects;
import dev.joule.cluster.ClusterEvents;
import dev.joule.domain.ChargerConnections;
import dev.joule.domain.command.CommandChannel;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.supervision.instances.InstanceMonitor;
import dev.joule.supervision.instances.InstanceState;
import io.nats.client.Connection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a cluster node adds to the wiring of one process, on a NATS connection of its own: the
 * charger registry, events across nodes and commands routed to the gateway node holding their
 * charger. Built in two steps because the events sink is needed before the command service that it
 * later notifies exists.
 */
final class ClusterWiring implements AutoCloseable {
  private final Config config;
  private final String node;
  private final Connection connection;
  private final ChargerRegistry registry;
  private final ClusterEvents events;
  private volatile Consumer<String> reconnected = id -> {};
  private ClusterCommands commands;
  private ClusterDisconnects disconnects;

  private ClusterWiring(Config config, String node, Connection connection, EventSink local) {
    this.config = config;
    this.node = node;
    this.connection = connection;
    this.registry = new ChargerRegistry(connection, config.bus().orElseThrow().cluster(), node);
    this.events =
        new ClusterEvents(
            connection,
            config.bus().orElseThrow().cluster(),
            node,
            local,
            config.runs(Role.API),
            event -> {
              if (event instanceof ChargerEvent.Connected connected) {
                reconnected.accept(connected.chargerId());
              }
            });
  }

  /** Step one: the registry and the events sink that reaches every API node. */
  static ClusterWiring open(Config config, String node, EventSink local) {
    Connection connection = NatsConnection.open(config.bus().orElseThrow());
    try {
      return new ClusterWiring(config, node, connection, local);
    } catch (RuntimeException e) {
      NatsConnection.close(connection);
      throw e;
    }
  }

  EventSink events() {
    return events;
  }

  /**
   * Step two: commands routed through the registry; this node serves routed commands when it has
   * the gateway role. {@code reconnected} hears of every charger connecting to another node.
   */
  CommandChannel commands(
      GatewayCommandChannel gateway,
      InstanceMonitor instances,
      OcppJson codec,
      Consumer<String> reconnected) {
    this.reconnected = reconnected;
    commands =
        new ClusterCommands(
            connection,
            config.bus().orElseThrow().cluster(),
            node,
            registry,
            id ->
                instances.instances().instances().stream()
                    .anyMatch(i -> i.id().equals(id) && i.state() != InstanceState.GONE),
            codec,
            config.gateway().callTimeout(),
            config.runs(Role.GATEWAY) ? Optional.of(gateway) : Optional.empty());
    return commands;
  }

  /**
   * This node's connections as the API sees them, except that closing one (a charger removed)
   * reaches whichever gateway node holds it; a gateway node closes its own when told.
   */
  ChargerConnections connections(ChargerConnections gateway) {
    disconnects =
        new ClusterDisconnects(
            connection, config.bus().orElseThrow().cluster(), gateway, config.runs(Role.GATEWAY));
    return disconnects;
  }

  /**
   * A connection of this node's gateway opened or closed: recorded in the registry first, then
   * published, so an API node that hears "connected" finds the charger where it now is.
   */
  void connectionChanged(ChargerEvent event, Runnable afterwards) {
    Runnable publish =
        () -> {
          events.publish(event);
          afterwards.run();
        };
    switch (event) {
      case ChargerEvent.Connected c -> registry.connected(c.chargerId(), c.epoch(), publish);
      case ChargerEvent.Disconnected d when !d.replaced() ->
          registry.disconnected(d.chargerId(), d.epoch(), publish);
      default -> publish.run();
    }
  }

  @Override
  public void close() {
    if (commands != null) {
      commands.close();
    }
    if (disconnects != null) {
      disconnects.close();
    }
    events.close();
    NatsConnection.close(connection);
  }
}
