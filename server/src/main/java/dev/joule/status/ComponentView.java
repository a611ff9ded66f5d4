package dev.joule.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A component as the page and {@code /status.json} show it.
 *
 * @param id e.g. {@code message-processing}
 * @param name e.g. {@code Message processing}
 * @param status e.g. {@code partial_outage}
 * @param reason why, in the alerts' words; empty when operational
 * @param since when it entered this state; null if it never changed
 * @param instances in a cluster, one row per node serving it (their own {@code instances} empty)
 * @param uptime the component's last {@value Uptime#DAYS} days; null on a node row
 */
public record ComponentView(
    String id,
    String name,
    String status,
    String reason,
    Instant since,
    List<ComponentView> instances,
    @JsonInclude(JsonInclude.Include.NON_NULL) Uptime uptime) {
  public ComponentView {
    instances = List.copyOf(instances);
  }
}
