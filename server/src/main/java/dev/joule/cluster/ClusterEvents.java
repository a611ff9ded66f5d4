package dev.joule.cluster;

import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events across nodes: every event published on this node goes to the local sink and to {@code
 * <cluster>.events}; a node with the API role also takes every other node's events from there into
 * its local sink (the events stream an SSE client of this node reads), and tells {@code remote}.
 *
 * <p>Core NATS, at most once: the events stream is a live view with its own gap signal, and the
 * facts themselves are in PostgreSQL. {@link #publish} never blocks; what cannot be sent is
 * counted.
 */
public final class ClusterEvents implements EventSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);

  private final Connection connection;
  private final String subject;
  private final String nodeId;
  private final EventSink local;
  private final Consumer<ChargerEvent> remote;
  private final Dispatcher dispatcher;
  private final LongAdder unsent = new LongAdder();
  private final LongAdder unreadable = new LongAdder();

  /**
   * @param receive whether this node takes other nodes' events (it has the API role)
   * @param remote told of each event from another node after the local sink, on a NATS thread
   */
  public ClusterEvents(
      Connection connection,
      String cluster,
      String nodeId,
      EventSink local,
      boolean receive,
      Consumer<ChargerEvent> remote) {
    this.connection = connection;
    this.subject = cluster + ".events";
    this.nodeId = nodeId;
    this.local = local;
    this.remote = remote;
    this.dispatcher = receive ? connection.createDispatcher(this::received) : null;
    if (dispatcher != null) {
      dispatcher.subscribe(subject);
    }
  }

  @Override
  public void publish(ChargerEvent event) {
    local.publish(event);
    try {
      connection.publish(subject, EventWire.write(nodeId, event));
    } catch (RuntimeException e) { // the outgoing queue is full or the connection closed
      unsent.increment();
      LOG.debug("event {} of {} not sent to the cluster: {}", event.type(), event.chargerId(), e);
    }
  }

  private void received(Message message) {
    EventWire.Received received;
    try {
      received = EventWire.read(message.getData());
    } catch (RuntimeException e) {
      unreadable.increment();
      LOG.warn("unreadable event on {}: {}", subject, e.getMessage());
      return;
    }
    if (received.origin().equals(nodeId)) {
      return; // ours: already in the local sink
    }
    local.publish(received.event());
    remote.accept(received.event());
  }

  /** Events that could not be sent to the cluster (NATS down, queue full). */
  public long unsent() {
    return unsent.sum();
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      connection.closeDispatcher(dispatcher);
    }
  }
}
