package dev.joule.supervision.instances;

import java.util.Collection;

/** Where heartbeats go and come from, and who may act as the cluster's supervisor. */
interface Directory extends AutoCloseable {
  /** Publishes this node's heartbeat; may block for a network round trip. */
  void publish(InstanceReport report);

  /** The latest heartbeat of every node, including this one's once published. */
  Collection<Heard> heard();

  /**
   * Takes or renews the supervisor lease for this node; false while another live node holds it. May
   * block for a network round trip.
   */
  boolean lead();

  /** The node holding the supervisor lease as last seen, empty if none. */
  String leader();

  /** Withdraws this node's heartbeat (a clean stop is not "gone") and releases the lease. */
  @Override
  void close();
}
