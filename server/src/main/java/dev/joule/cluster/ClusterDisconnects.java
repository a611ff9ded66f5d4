package dev.joule.cluster;

import dev.joule.domain.ChargerConnections;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A charger's connection closed wherever in the cluster it is held: the API node that removes a
 * charger publishes its identity on {@code <cluster>.chargers.disconnect}, and every gateway node
 * closes the connection it holds for it, if any. A broadcast rather than a registry lookup, so a
 * charger that moved to another gateway a moment ago is closed there too; removals are rare.
 *
 * <p>The payload is {@code <identity>\n<reason>}: identities are printable ASCII
 * (security.ChargerIdentity), so they hold no newline.
 */
public final class ClusterDisconnects implements ChargerConnections, AutoCloseable {
  private final Connection connection;
  private final String subject;
  private final ChargerConnections local;
  private final Dispatcher dispatcher;

  /**
   * @param local this node's gateway: what it reads, and whose connections it closes when asked
   * @param serve whether this node has the gateway role and so closes connections when told
   */
  public ClusterDisconnects(
      Connection connection, String cluster, ChargerConnections local, boolean serve) {
    this.connection = connection;
    this.subject = cluster + ".chargers.disconnect";
    this.local = local;
    this.dispatcher = serve ? connection.createDispatcher(this::serve) : null;
    if (dispatcher != null) {
      dispatcher.subscribe(subject);
    }
  }

  @Override
  public Optional<Instant> connectedSince(String chargerId) {
    return local.connectedSince(chargerId);
  }

  @Override
  public Map<String, Instant> connected() {
    return local.connected();
  }

  /** Reaches every gateway node, this one included (NATS echoes to its own subscriptions). */
  @Override
  public void disconnect(String chargerId, String reason) {
    connection.publish(subject, (chargerId + "\n" + reason).getBytes(StandardCharsets.UTF_8));
  }

  private void serve(Message message) {
    String text = new String(message.getData(), StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    if (newline > 0) {
      local.disconnect(text.substring(0, newline), text.substring(newline + 1));
    }
  }

  @Override
  public void close() {
    if (dispatcher != null) {
      connection.closeDispatcher(dispatcher);
    }
  }
}
