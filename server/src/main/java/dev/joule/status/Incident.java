package dev.joule.status;

import java.time.Instant;
import java.util.List;

/**
 * One incident with its timeline, as the API and the page show it.
 *
 * @param components ids of the affected components
 * @param alerts the alerts that opened or joined it (empty for a manual one)
 * @param automatic opened by an alert (Joule writes its updates) rather than by an operator
 * @param resolvedAt null while open
 * @param updates oldest first
 */
public record Incident(
    long id,
    String title,
    String status,
    String impact,
    List<String> components,
    List<String> alerts,
    boolean automatic,
    Instant openedAt,
    Instant updatedAt,
    Instant resolvedAt,
    List<IncidentUpdate> updates) {

  public Incident {
    components = List.copyOf(components);
    alerts = List.copyOf(alerts);
    updates = List.copyOf(updates);
  }

  public boolean open() {
    return !status.equals(IncidentStatus.RESOLVED.wire());
  }

  Incident withUpdates(List<IncidentUpdate> timeline) {
    return new Incident(
        id,
        title,
        status,
        impact,
        components,
        alerts,
        automatic,
        openedAt,
        updatedAt,
        resolvedAt,
        timeline);
  }
}
