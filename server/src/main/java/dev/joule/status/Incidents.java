package dev.joule.status;

import dev.joule.store.SqlFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Incidents and components for operators (the API) and for the public page: reads, manual incidents
 * and updates. Blocking JDBC: call it off the event loop. Values are checked by the caller (the API
 * names the bad field); this class trusts them.
 */
public final class Incidents {
  static final String OPERATOR = "operator";

  private final DataSource dataSource;
  private final Clock clock;
  private final StatusStore store = new StatusStore();
  private final HistoryStore history = new HistoryStore();
  private final PostmortemStore tallies = new PostmortemStore();

  public Incidents(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** Work on one connection. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T run(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** A manual incident with its first update. */
  public Incident open(
      String title, Impact impact, List<Component> components, IncidentStatus status, String text) {
    Instant at = clock.instant();
    List<String> ids = components.stream().map(Component::id).toList();
    return run(
        c -> {
          long id = store.openIncident(c, title, impact, ids, List.of(), false, at);
          store.addUpdate(c, id, status, text, states(c, ids), OPERATOR, at, false);
          return store.incident(c, id).orElseThrow();
        });
  }

  /** Adds an operator's update; empty if there is no such incident. */
  public Optional<Incident> update(long id, IncidentStatus status, String text) {
    Instant at = clock.instant();
    return run(
        c -> {
          Optional<Incident> incident = store.incident(c, id);
          if (incident.isEmpty()) {
            return Optional.empty();
          }
          List<String> ids = incident.get().components();
          store.addUpdate(c, id, status, text, states(c, ids), OPERATOR, at, false);
          return store.incident(c, id);
        });
  }

  /** Changes what is given; empty if there is no such incident. */
  public Optional<Incident> patch(
      long id,
      Optional<String> title,
      Optional<Impact> impact,
      Optional<List<Component>> components) {
    Instant at = clock.instant();
    Optional<List<String>> ids = components.map(list -> list.stream().map(Component::id).toList());
    return run(
        c -> store.patch(c, id, title, impact, ids, at) ? store.incident(c, id) : Optional.empty());
  }

  /** How far before its opening and after its resolution the incident's chart reaches. */
  static final Duration CHART_BEFORE = Duration.ofMinutes(2);

  static final Duration CHART_AFTER = Duration.ofMinutes(1);

  /** The longest span a chart covers, from its start. */
  static final Duration CHART_LONGEST = Duration.ofHours(24);

  static final int CHART_POINTS = 360;

  /** How long after a second the gateways' tallies of it are in the database. */
  static final Duration TALLY_LAG = Duration.ofSeconds(4);

  /** When the stretch of recording that {@code second} falls in began ({@code second} if none). */
  private long recordedSince(Connection c, long second) throws SQLException {
    long since = second;
    for (Uptime.Stretch stretch : history.stretches(c, Instant.ofEpochSecond(second))) {
      if (stretch.from() <= second) {
        since = Math.min(since, stretch.from());
      }
    }
    return since;
  }

  /**
   * What an incident's page shows: the incident and its chart's points.
   *
   * @param spanFrom epoch second it opened (the chart's shaded span)
   * @param spanTo its resolution, or the chart's end while open
   */
  record Charted(Incident incident, ChartPoints points, long spanFrom, long spanTo) {}

  /** An incident with its chart; empty if there is no such incident. */
  Optional<Charted> charted(long id) {
    long now = clock.instant().getEpochSecond();
    return run(
        c -> {
          Optional<Incident> found = store.incident(c, id);
          if (found.isEmpty()) {
            return Optional.empty();
          }
          Incident incident = found.get();
          long opened = incident.openedAt().getEpochSecond();
          long end = incident.resolvedAt() == null ? now : incident.resolvedAt().getEpochSecond();
          // Not before status was recorded, nor into the seconds the gateways have not written
          // yet: there, no row would read as nothing in flight.
          long from = Math.max(opened - CHART_BEFORE.toSeconds(), recordedSince(c, opened));
          long to =
              Math.min(
                  Math.min(now - TALLY_LAG.toSeconds(), end + CHART_AFTER.toSeconds()),
                  from + CHART_LONGEST.toSeconds());
          ChartPoints points =
              ChartPoints.of(
                  from,
                  Math.max(from, to),
                  tallies.tallies(c, from, to),
                  history.signals(c, from, to),
                  CHART_POINTS);
          return Optional.of(new Charted(incident, points, opened, Math.min(end, to)));
        });
  }

  public Optional<Incident> get(long id) {
    return run(c -> store.incident(c, id));
  }

  /**
   * Incidents newest first.
   *
   * @param open true: open only; false: resolved only; empty: all
   * @param after (opened_at, id) of the last item of the previous page
   * @param limit at most this many
   */
  public List<Incident> page(
      Optional<Boolean> open, Optional<Map.Entry<Instant, Long>> after, int limit) {
    return run(c -> store.page(c, open, after, limit));
  }

  /** Every component with its latest recorded state and uptime, node rows under it. */
  public List<ComponentView> components() {
    Instant now = clock.instant();
    Instant from = now.truncatedTo(ChronoUnit.DAYS).minus(Uptime.DAYS - 1, ChronoUnit.DAYS);
    return run(
        c -> {
          List<Uptime.Stretch> recorded = history.stretches(c, from);
          Map<String, List<Uptime.Change>> changes = history.changes(c, from);
          Map<String, Uptime> uptimes = new HashMap<>();
          for (Component component : Component.values()) {
            uptimes.put(
                component.id(),
                Uptime.of(
                    changes.getOrDefault(component.id(), List.of()),
                    recorded,
                    now.getEpochSecond(),
                    Uptime.DAYS));
          }
          return views(store.latestStates(c), uptimes);
        });
  }

  /** The newest incident updates with their incident's title, for the feed. */
  public List<Map.Entry<String, IncidentUpdate>> recentUpdates(int limit) {
    return run(c -> store.recentUpdates(c, limit));
  }

  private List<IncidentUpdate.ComponentAt> states(Connection c, List<String> ids)
      throws SQLException {
    Map<String, StatusStore.Latest> latest = store.latestStates(c);
    List<IncidentUpdate.ComponentAt> states = new ArrayList<>();
    for (String id : ids) {
      StatusStore.Latest row = latest.get(id + "/");
      states.add(
          new IncidentUpdate.ComponentAt(
              id, row == null ? ComponentState.OPERATIONAL.wire() : row.state()));
    }
    return states;
  }

  static List<ComponentView> views(
      Map<String, StatusStore.Latest> latest, Map<String, Uptime> uptimes) {
    List<ComponentView> views = new ArrayList<>();
    for (Component component : Component.values()) {
      List<ComponentView> nodes = new ArrayList<>();
      for (StatusStore.Latest row : latest.values()) {
        if (row.component().equals(component.id())
            && !row.instance().isEmpty()
            && !row.state().equals(StatusStore.Change.LEFT)) {
          nodes.add(
              new ComponentView(
                  component.id(),
                  row.instance(),
                  row.state(),
                  row.reason(),
                  row.at(),
                  List.of(),
                  null));
        }
      }
      StatusStore.Latest own = latest.get(component.id() + "/");
      views.add(
          new ComponentView(
              component.id(),
              component.title(),
              own == null ? ComponentState.OPERATIONAL.wire() : own.state(),
              own == null ? "" : own.reason(),
              own == null ? null : own.at(),
              nodes,
              uptimes.get(component.id())));
    }
    return views;
  }
}
