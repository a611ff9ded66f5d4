package dev.joule.cluster;

import dev.joule.domain.command.CommandChannel;
import dev.joule.domain.command.Delivery;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.OcppJson;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands in a cluster: the API node looks the charger up in the {@link ChargerRegistry} and hands
 * the command to the gateway node that holds it, over request/reply on {@code
 * <cluster>.node.<node-id>.commands}; a gateway node serves that subject for the chargers it holds.
 *
 * <p>A charger in no registry entry, or held by a node without a live heartbeat (killed gateway:
 * its chargers reconnect elsewhere), is "not connected" at once, so a command with a ttl waits for
 * the charger's next connection, wherever it comes.
 */
public final class ClusterCommands implements CommandChannel, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterCommands.class);

  /** Beyond the gateway's own call timeout: the round trips to and from its node. */
  private static final Duration MARGIN = Duration.ofSeconds(5);

  private final Connection connection;
  private final String cluster;
  private final String nodeId;
  private final ChargerRegistry registry;
  private final Predicate<String> live;
  private final OcppJson codec;
  private final Duration timeout;
  private final Optional<HeldConnections> held;
  private final Dispatcher dispatcher;

  /**
   * @param live whether a node sends heartbeats (the instance monitor's view)
   * @param held this node's gateway, if it has the gateway role: it then serves routed commands
   * @param callTimeout the gateways' call timeout
   */
  public ClusterCommands(
      Connection connection,
      String cluster,
      String nodeId,
      ChargerRegistry registry,
      Predicate<String> live,
      OcppJson codec,
      Duration callTimeout,
      Optional<HeldConnections> held) {
    this.connection = connection;
    this.cluster = cluster;
    this.nodeId = nodeId;
    this.registry = registry;
    this.live = live;
    this.codec = codec;
    this.timeout = callTimeout.plus(MARGIN);
    this.held = held;
    this.dispatcher = held.isPresent() ? connection.createDispatcher(this::serve) : null;
    if (dispatcher != null) {
      dispatcher.subscribe(subject(nodeId));
    }
  }

  private String subject(String node) {
    return cluster + ".node." + node + ".commands";
  }

  /** Blocks for the registry lookup: called on the command service's virtual threads. */
  @Override
  public CompletableFuture<Delivery> deliver(String chargerId, Request request) {
    Optional<ChargerRegistry.Holder> holder = registry.lookup(chargerId);
    if (holder.isEmpty()) {
      return offline(chargerId + " is not connected to any gateway of the cluster");
    }
    ChargerRegistry.Holder h = holder.get();
    if (h.node().equals(nodeId) && held.isPresent()) {
      return held.get().deliver(chargerId, h.epoch(), request);
    }
    if (!live.test(h.node())) {
      return offline(
          chargerId + " was last connected to gateway node " + h.node() + ", which is gone");
    }
    Action action = Action.ofRequest(request.getClass());
    byte[] routed =
        CommandWire.write(
            new CommandWire.Routed(
                chargerId, h.epoch(), action.wire(), codec.writePayload((Record) request)));
    return connection
        .requestWithTimeout(subject(h.node()), routed, timeout)
        .handle(
            (reply, failure) ->
                failure == null ? CommandWire.readDelivery(reply.getData()) : failed(h, failure));
  }

  private static Delivery failed(ChargerRegistry.Holder holder, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return switch (cause) {
      // jnats cancels a request nobody subscribes to: the node went away before it was sent
      case CancellationException gone ->
          new Delivery.Offline(false, "gateway node " + holder.node() + " does not answer");
      case TimeoutException late ->
          new Delivery.TimedOut("gateway node " + holder.node() + " did not report back in time");
      default ->
          new Delivery.Failed(
              ErrorCode.INTERNAL_ERROR,
              "the command could not be routed to " + holder.node() + ": " + cause);
    };
  }

  private static CompletableFuture<Delivery> offline(String why) {
    return CompletableFuture.completedFuture(new Delivery.Offline(false, why));
  }

  /** A command routed here: handed to the connection it was meant for, the outcome sent back. */
  private void serve(Message message) {
    CompletableFuture<Delivery> outcome;
    try {
      CommandWire.Routed routed = CommandWire.readRouted(message.getData());
      Action action =
          Action.fromWire(routed.action())
              .orElseThrow(() -> new IllegalArgumentException("unknown action " + routed.action()));
      Request request = codec.readRequest(action, routed.payloadJson());
      outcome = held.orElseThrow().deliver(routed.chargerId(), routed.epoch(), request);
    } catch (RuntimeException e) {
      LOG.warn("routed command not readable: {}", e.getMessage());
      outcome =
          CompletableFuture.completedFuture(
              new Delivery.Failed(ErrorCode.INTERNAL_ERROR, "routed command not readable"));
    }
    outcome.thenAccept(
        delivery -> {
          if (message.getReplyTo() != null) {
            connection.publish(message.getReplyTo(), CommandWire.write(delivery));
          }
        });
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      connection.closeDispatcher(dispatcher);
    }
  }
}
