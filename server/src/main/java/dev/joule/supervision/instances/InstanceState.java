package dev.joule.supervision.instances;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the supervisor judges one node. */
public enum InstanceState {
  /** Heartbeats arrive and nothing it holds is older than {@code stall-after}. */
  LIVE("live"),
  /**
   * Heartbeats arrive, but it holds messages without progress for {@code stall-after}, or its own
   * supervisor stopped looking: its workers are replaced (or it exits), and what it holds is
   * redelivered when its leases run out.
   */
  STALLED("stalled"),
  /**
   * No heartbeat for {@code instance-gone-after}: killed, frozen (SIGSTOP, a GC death spiral) or
   * cut off. What it held goes to other processors after {@code ack-wait}.
   */
  GONE("gone");

  private final String wire;

  InstanceState(String wire) {
    this.wire = wire;
  }

  /** The state as JSON and metrics show it. */
  @JsonValue
  public String wire() {
    return wire;
  }
}
