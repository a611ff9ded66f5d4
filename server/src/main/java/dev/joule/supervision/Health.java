package dev.joule.supervision;

import dev.joule.status.Healing;
import dev.joule.supervision.instances.InstanceView;
import java.time.Instant;
import java.util.List;

/**
 * The supervisor's view at one moment: what {@code GET /api/v1/health} answers, and what {@code
 * /health/ready} and {@code /metrics} read. Durations are in seconds, as in the metrics.
 *
 * @param supervisor the node that acts as the cluster's supervisor (holds the lease)
 * @param instances every node of the cluster (in one process: this one), live, stalled or gone
 */
public record Health(
    Instant at,
    boolean ready,
    List<String> reasons,
    Processing processing,
    Database database,
    Chargers chargers,
    List<String> alertsFiring,
    String supervisor,
    List<InstanceView> instances) {

  /**
   * Processing progress, overall and per worker.
   *
   * @param healings healing actions this node's supervisor took since it started
   * @param lastHealing the last of them, when and in words; null when none
   */
  public record Processing(
      double receivedPerSecond,
      double processedPerSecond,
      int backlog,
      int inFlight,
      double oldestWaitingSeconds,
      double noProgressSeconds,
      long received,
      long processed,
      long redeliveries,
      long deadLettered,
      long stalls,
      long restarts,
      long healings,
      Healing lastHealing,
      List<Worker> workers) {}

  /** One worker: what it holds and since when (DESIGN.md rule 5). */
  public record Worker(
      String name,
      int generation,
      int holding,
      double heldForSeconds,
      double sinceProgressSeconds,
      long processed) {}

  public record Database(boolean ok, double latencySeconds) {}

  public record Chargers(int connected, long disconnects) {}
}
