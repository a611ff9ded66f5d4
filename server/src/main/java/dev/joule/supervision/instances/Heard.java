package dev.joule.supervision.instances;

/**
 * A heartbeat as this node received it.
 *
 * @param receivedNanos {@link System#nanoTime()} when it arrived (or, for one read at start, when
 *     it would have arrived): ages are measured on this node's clock, so clock skew between hosts
 *     cannot make a live node look gone
 */
record Heard(InstanceReport report, long receivedNanos) {}
