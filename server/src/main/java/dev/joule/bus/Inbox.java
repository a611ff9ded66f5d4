package dev.joule.bus;

import java.time.Duration;
import java.util.List;

/**
 * The work queue between gateways and processors. No charger is pinned to a processor: any worker
 * leases any message. Implementations: {@code InProcessBus} (one JVM) and, later, NATS JetStream.
 */
public interface Inbox {
  /** Enqueues a CALL. Called on the gateway's event loop: implementations must not block. */
  void publish(InboxMessage message);

  /**
   * Leases up to {@code max} messages, waiting up to {@code wait} for the first one; returns an
   * empty list when none arrived.
   */
  List<Lease> lease(int max, Duration wait) throws InterruptedException;

  /** Messages waiting to be leased, and how long the oldest has waited. */
  InboxStats stats();
}
