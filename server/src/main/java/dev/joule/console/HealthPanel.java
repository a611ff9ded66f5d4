package dev.joule.console;

import dev.joule.api.AlertView;
import dev.joule.api.Page;
import dev.joule.api.Reads;
import dev.joule.supervision.Health;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /console/health}: processing progress as the supervisor measures it (DESIGN.md rule 5:
 * progress, not "answers HTTP"), the workers and instances and what they hold, the alerts firing, a
 * link to the public status page. The panel re-reads itself every 2 s (htmx polling); it reads the
 * same {@link Health} as {@code GET /api/v1/health}.
 */
final class HealthPanel {
  /**
   * Alert transitions per page of the history, newest first, keyset pages of {@code GET
   * /api/v1/alerts} ({@code ?alerts=<cursor>}: an older page, which re-reads itself as the first).
   */
  static final int HISTORY_SHOWN = 20;

  private final Supplier<Health> health;
  private final Reads reads;
  private final Pages pages;

  HealthPanel(Supplier<Health> health, Reads reads, Pages pages) {
    this.health = health;
    this.reads = reads;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.HEALTH).handler(this::page);
    router.get(Console.HEALTH + "/panel").handler(this::panel);
  }

  private void page(RoutingContext rc) {
    Session session = ConsoleAuth.session(rc);
    Optional<String> alerts = Forms.optional(rc, "alerts");
    pages.respond(
        rc,
        () -> {
          Map<String, Object> scope = scope(health.get(), alerts);
          scope.put("title", "Health");
          scope.put("csrf", session.csrf());
          return Rendered.ok(pages.templates().render("health", scope));
        });
  }

  private void panel(RoutingContext rc) {
    Optional<String> alerts = Forms.optional(rc, "alerts");
    pages.respond(
        rc,
        () -> Rendered.ok(pages.templates().render("health-panel", scope(health.get(), alerts))));
  }

  /** One alert transition of the history. */
  record AlertRow(
      String at,
      String alert,
      String state,
      boolean firing,
      String severity,
      String node,
      String text) {
    static AlertRow of(AlertView view) {
      return new AlertRow(
          Format.time(view.at()),
          view.alert(),
          view.state(),
          view.state().equals("firing"),
          view.severity(),
          view.node(),
          view.text());
    }
  }

  private Map<String, Object> scope(Health now, Optional<String> alerts) {
    Health.Processing p = now.processing();
    Map<String, Object> scope = new HashMap<>();
    Page<AlertView> page = reads.alertHistory(HISTORY_SHOWN, alerts);
    var history = page.items().stream().map(AlertRow::of).toList();
    scope.put("alertHistory", history);
    scope.put("noAlertHistory", history.isEmpty() && alerts.isEmpty());
    if (page.next() != null) {
      scope.put("olderAlerts", Console.HEALTH + "?alerts=" + Links.segment(page.next()));
    }
    scope.put("newestAlerts", alerts.isEmpty() ? null : Console.HEALTH);
    scope.put(
        "panelUrl",
        Console.HEALTH + "/panel" + alerts.map(c -> "?alerts=" + Links.segment(c)).orElse(""));
    scope.put("at", Format.time(now.at()));
    scope.put("ready", now.ready());
    scope.put("reasons", now.reasons());
    scope.put("received", rate(p.receivedPerSecond()));
    scope.put("processed", rate(p.processedPerSecond()));
    scope.put("backlog", p.backlog());
    scope.put("inFlight", p.inFlight());
    scope.put("oldestWaiting", seconds(p.oldestWaitingSeconds()));
    scope.put("noProgress", seconds(p.noProgressSeconds()));
    scope.put("redeliveries", p.redeliveries());
    scope.put("stalls", p.stalls());
    scope.put("healings", p.healings());
    scope.put("workers", p.workers().stream().map(HealthPanel::worker).toList());
    scope.put("instances", now.instances());
    scope.put("supervisor", now.supervisor());
    scope.put("alerts", now.alertsFiring());
    scope.put("noAlerts", now.alertsFiring().isEmpty());
    scope.put("databaseOk", now.database().ok());
    scope.put("databaseLatency", seconds(now.database().latencySeconds()));
    scope.put("connected", now.chargers().connected());
    return scope;
  }

  record WorkerRow(String name, int generation, int holding, String heldFor, long processed) {}

  private static WorkerRow worker(Health.Worker worker) {
    return new WorkerRow(
        worker.name(),
        worker.generation(),
        worker.holding(),
        seconds(worker.heldForSeconds()),
        worker.processed());
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f/s", perSecond);
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.3f s", value);
  }
}
