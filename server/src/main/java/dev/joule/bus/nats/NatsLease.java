package dev.joule.bus.nats;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import io.nats.client.Message;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One message a worker of this process leased from the inbox consumer. It stays in {@code held}
 * (whose leases the bus extends while they are young) until it is acked after commit or released.
 */
final class NatsLease implements Lease {
  private final Message message;
  private final InboxMessage decoded;
  private final int deliveries;
  final long leasedAt;
  private final Set<NatsLease> held;
  private final AtomicLong acked;

  NatsLease(
      Message message,
      InboxMessage decoded,
      int deliveries,
      long leasedAt,
      Set<NatsLease> held,
      AtomicLong acked) {
    this.message = message;
    this.decoded = decoded;
    this.deliveries = deliveries;
    this.leasedAt = leasedAt;
    this.held = held;
    this.acked = acked;
  }

  /** An in-progress ack: the server restarts this message's ack-wait. */
  void extend() {
    message.inProgress();
  }

  @Override
  public InboxMessage message() {
    return decoded;
  }

  @Override
  public int deliveryCount() {
    return deliveries;
  }

  @Override
  public void ack() {
    if (held.remove(this)) {
      message.ack();
      acked.incrementAndGet();
    }
  }

  @Override
  public void release() {
    if (held.remove(this)) {
      message.nak();
    }
  }

  @Override
  public String toString() {
    return "Lease["
        + decoded.chargerId()
        + " "
        + decoded.call().messageId()
        + " delivery "
        + deliveries
        + "]";
  }
}
