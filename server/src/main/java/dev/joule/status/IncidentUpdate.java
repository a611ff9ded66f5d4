package dev.joule.status;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an incident's timeline.
 *
 * @param components the affected components and their state at that moment
 * @param author {@code joule} for an update Joule wrote, {@code operator} for one by API
 */
public record IncidentUpdate(
    long id,
    long incidentId,
    Instant at,
    String status,
    String text,
    List<ComponentAt> components,
    String author) {

  public IncidentUpdate {
    components = List.copyOf(components);
  }

  /** A component's state as an update recorded it. */
  public record ComponentAt(String id, String state) {}
}
