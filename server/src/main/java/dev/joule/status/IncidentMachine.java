package dev.joule.status;

import dev.joule.alerting.AlertEvent;
import dev.joule.alerting.Rule;
import dev.joule.alerting.Severity;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The incidents that write themselves (issue 11). A firing critical alert opens an automatic
 * incident, or joins the open one, with an {@code investigating} update quoting what the alert
 * sees; healing adds {@code identified} naming the worker and the action; once none of its alerts
 * fires any more {@code monitoring}; after {@code incident-quiet-period} more without them {@code
 * resolved}. Its state is the database's (the open automatic incident and its last update), so a
 * restart, or another supervisor taking the lease, carries on where it stood. Recorder thread only,
 * and only on the acting supervisor.
 */
final class IncidentMachine {
  static final String AUTHOR = "joule";

  /** Healing this recent is quoted when an incident opens after it. */
  private static final Duration HEALING_KEPT = Duration.ofSeconds(60);

  private final StatusStore store;
  private final Duration quietPeriod;
  private final ArrayDeque<Healing> recentHealing = new ArrayDeque<>();

  IncidentMachine(StatusStore store, Duration quietPeriod) {
    this.store = store;
    this.quietPeriod = quietPeriod;
  }

  void alert(Connection c, AlertEvent event, List<Judged> components) throws SQLException {
    if (!event.firing() || event.severity() != Severity.CRITICAL) {
      return;
    }
    Optional<Incident> open = store.openAutomatic(c);
    if (open.isPresent()) {
      Incident incident = open.get();
      store.joinAlert(c, incident.id(), event.alert());
      IncidentStatus now = IncidentStatus.ofWire(incident.status()).orElseThrow();
      IncidentStatus next = now == IncidentStatus.MONITORING ? IncidentStatus.INVESTIGATING : now;
      update(c, incident.id(), incident.components(), next, text(event), event.at(), components);
      return;
    }
    List<String> affected = List.of(primary(event.alert()).id());
    long id =
        store.openIncident(
            c,
            title(event.alert()),
            Impact.MAJOR,
            affected,
            List.of(event.alert()),
            true,
            event.at());
    update(c, id, affected, IncidentStatus.INVESTIGATING, text(event), event.at(), components);
    forget(event.at());
    if (!recentHealing.isEmpty()) {
      update(
          c, id, affected, IncidentStatus.IDENTIFIED, join(recentHealing), event.at(), components);
    }
  }

  void healed(Connection c, List<Healing> healing, List<Judged> components) throws SQLException {
    recentHealing.addAll(healing);
    Instant at = healing.getLast().at();
    forget(at);
    Optional<Incident> open = store.openAutomatic(c);
    if (open.isPresent()) {
      Incident incident = open.get();
      update(
          c,
          incident.id(),
          incident.components(),
          IncidentStatus.IDENTIFIED,
          join(healing),
          at,
          components);
    }
  }

  /** Once a second: monitoring when its alerts stopped firing, resolved after the quiet period. */
  void round(Connection c, Instant at, Set<String> firing, List<Judged> components)
      throws SQLException {
    Optional<Incident> open = store.openAutomatic(c);
    if (open.isEmpty()) {
      return;
    }
    Incident incident = open.get();
    IncidentStatus status = IncidentStatus.ofWire(incident.status()).orElseThrow();
    // Once only watched, what turns bad is not this incident's doing (chargers leaving after it,
    // a slow database): it is not taken in. A critical alert reopens it and joins it anyway.
    List<String> affected =
        status == IncidentStatus.MONITORING
            ? incident.components()
            : grow(c, incident, components, at);
    boolean active = incident.alerts().stream().anyMatch(firing::contains);
    if (active) {
      return;
    }
    if (status == IncidentStatus.INVESTIGATING || status == IncidentStatus.IDENTIFIED) {
      update(
          c,
          incident.id(),
          affected,
          IncidentStatus.MONITORING,
          "Signals are normal again ("
              + String.join(", ", incident.alerts())
              + " resolved); watching for "
              + words(quietPeriod)
              + " before resolving.",
          at,
          components);
    } else if (status == IncidentStatus.MONITORING
        && !at.isBefore(lastUpdate(incident).plus(quietPeriod))) {
      update(
          c,
          incident.id(),
          affected,
          IncidentStatus.RESOLVED,
          "No recurrence for " + words(quietPeriod) + "; resolved.",
          at,
          components);
    }
  }

  /** Components that turned bad while its alerts fire join it, and its impact follows the worst. */
  private List<String> grow(Connection c, Incident incident, List<Judged> components, Instant at)
      throws SQLException {
    Set<String> affected = new LinkedHashSet<>(incident.components());
    Impact impact = Impact.ofWire(incident.impact()).orElse(Impact.MAJOR);
    Impact worst = impact;
    for (Judged j : components) {
      if (j.instance().isEmpty() && j.state() != ComponentState.OPERATIONAL) {
        affected.add(j.component().id());
        if (j.state().impact().ordinal() > worst.ordinal()) {
          worst = j.state().impact();
        }
      }
    }
    boolean moreComponents = affected.size() > incident.components().size();
    if (moreComponents || worst != impact) {
      store.patch(
          c,
          incident.id(),
          Optional.empty(),
          worst != impact ? Optional.of(worst) : Optional.empty(),
          moreComponents ? Optional.of(List.copyOf(affected)) : Optional.empty(),
          at);
    }
    return List.copyOf(affected);
  }

  private void update(
      Connection c,
      long id,
      List<String> affected,
      IncidentStatus status,
      String text,
      Instant at,
      List<Judged> components)
      throws SQLException {
    store.addUpdate(c, id, status, text, statesOf(affected, components), AUTHOR, at, true);
  }

  /** The affected components with the state each is in now. */
  static List<IncidentUpdate.ComponentAt> statesOf(List<String> affected, List<Judged> judged) {
    List<IncidentUpdate.ComponentAt> states = new ArrayList<>();
    for (String id : affected) {
      String state = ComponentState.OPERATIONAL.wire();
      for (Judged j : judged) {
        if (j.instance().isEmpty() && j.component().id().equals(id)) {
          state = j.state().wire();
        }
      }
      states.add(new IncidentUpdate.ComponentAt(id, state));
    }
    return states;
  }

  private void forget(Instant now) {
    while (!recentHealing.isEmpty()
        && recentHealing.peekFirst().at().isBefore(now.minus(HEALING_KEPT))) {
      recentHealing.removeFirst();
    }
  }

  private static Instant lastUpdate(Incident incident) {
    return incident.updates().isEmpty() ? incident.updatedAt() : incident.updates().getLast().at();
  }

  private static String text(AlertEvent event) {
    return primary(event.alert()).title() + ": " + event.seen() + " (" + event.alert() + ")";
  }

  private static String join(Iterable<Healing> healing) {
    List<String> texts = new ArrayList<>();
    healing.forEach(h -> texts.add(h.text()));
    return String.join("; ", texts);
  }

  private static String words(Duration d) {
    return d.toSeconds() % 60 == 0 && d.toSeconds() >= 60
        ? d.toMinutes() + " min"
        : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** The component an alert is first about. */
  static Component primary(String alert) {
    return Rule.named(alert)
        .map(
            rule ->
                switch (rule) {
                  case PROCESSING_STALLED,
                      PROCESSING_BEHIND,
                      OLDEST_WAITING_TOO_OLD,
                      REDELIVERIES_HIGH,
                      POISON_MESSAGES,
                      INSTANCE_GONE ->
                      Component.MESSAGE_PROCESSING;
                  case CHARGERS_DISCONNECTING,
                      CHARGER_SECURITY_EVENT,
                      CHARGER_AUTHENTICATION_FAILURES ->
                      Component.OCPP_CONNECTIONS;
                  case COMMANDS_TIMING_OUT -> Component.CHARGER_COMMANDS;
                  case DATABASE_SLOW -> Component.API;
                })
        .orElse(Component.MESSAGE_PROCESSING);
  }

  private static String title(String alert) {
    return Rule.named(alert)
        .map(
            rule ->
                switch (rule) {
                  case PROCESSING_STALLED -> "Message processing stalled";
                  case PROCESSING_BEHIND -> "Message processing is behind";
                  case OLDEST_WAITING_TOO_OLD -> "Charger messages wait too long";
                  case INSTANCE_GONE -> "A Joule instance is gone";
                  case REDELIVERIES_HIGH -> "Messages are redelivered";
                  case POISON_MESSAGES -> "Charger messages set aside after failing repeatedly";
                  case CHARGERS_DISCONNECTING -> "Chargers are disconnecting";
                  case CHARGER_SECURITY_EVENT -> "A charger reported a critical security event";
                  case CHARGER_AUTHENTICATION_FAILURES -> "Chargers fail to authenticate";
                  case COMMANDS_TIMING_OUT -> "Charger commands time out";
                  case DATABASE_SLOW -> "The database is slow";
                })
        .orElse(alert);
  }
}
