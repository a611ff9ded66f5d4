package dev.joule.supervision.instances;

import java.time.Instant;
import java.util.List;

/**
 * One node as {@code GET /api/v1/health} shows it under {@code instances}. Durations in seconds, as
 * in the metrics.
 *
 * @param detail what the supervisor sees, in words; empty when live
 * @param healings healing actions the node's own supervisor took since it started
 * @param lastHealing the last of them in words, empty when none
 */
public record InstanceView(
    String id,
    List<String> roles,
    InstanceState state,
    String host,
    long pid,
    Instant startedAt,
    double heartbeatAgeSeconds,
    int holding,
    double longestHeldSeconds,
    long processed,
    int connected,
    boolean ready,
    List<String> reasons,
    String detail,
    long healings,
    String lastHealing) {}
