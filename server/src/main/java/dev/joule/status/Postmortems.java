package dev.joule.status;

import dev.joule.store.SqlFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Gathers what a resolved incident's postmortem draft says ({@link Postmortem}): the incident, its
 * alerts' history, and the gateways' tallies of the incident's span and of as long a span before
 * it. Blocking JDBC: call it off the event loop.
 */
public final class Postmortems {
  /** Slack before an incident's opening in which its alerts' transitions are looked for. */
  private static final Duration BEFORE_OPENING = Duration.ofSeconds(1);

  private final DataSource dataSource;
  private final Duration delayThreshold;
  private final StatusStore store = new StatusStore();
  private final PostmortemStore tallies = new PostmortemStore();

  /**
   * @param delayThreshold what the gateways count as a delayed CALL (the gateway's constant)
   */
  public Postmortems(DataSource dataSource, Duration delayThreshold) {
    this.dataSource = dataSource;
    this.delayThreshold = delayThreshold;
  }

  /** What {@link #draft} found. */
  public sealed interface Draft {
    /** No incident with that id. */
    record Missing() implements Draft {}

    /** The incident is not resolved yet: the draft is written once it is. */
    record Unresolved(String status) implements Draft {}

    /** The draft, as Markdown. */
    record Ready(String markdown) implements Draft {}
  }

  public Draft draft(long id) {
    try (Connection c = dataSource.getConnection()) {
      Optional<Incident> found = store.incident(c, id);
      if (found.isEmpty()) {
        return new Draft.Missing();
      }
      Incident incident = found.get();
      if (incident.open() || incident.resolvedAt() == null) {
        return new Draft.Unresolved(incident.status());
      }
      return new Draft.Ready(Postmortem.markdown(facts(c, incident)));
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  private Postmortem.Facts facts(Connection c, Incident incident) throws SQLException {
    Instant resolved = incident.resolvedAt();
    List<PostmortemStore.AlertLine> alerts =
        incident.alerts().isEmpty()
            ? List.of()
            : tallies.alerts(
                c, incident.alerts(), incident.openedAt().minus(BEFORE_OPENING), resolved);
    Instant start = incident.openedAt();
    for (PostmortemStore.AlertLine line : alerts) {
      if (line.firing() && line.since().isBefore(start)) {
        start = line.since();
      }
    }
    long from = start.getEpochSecond();
    long to = resolved.getEpochSecond();
    List<CallTally> during = tallies.tallies(c, from, to);
    CallImpact impact = CallImpact.of(from, to, tallies.before(c, from), during);
    long span = to - from + 1;
    List<CallTally> earlier = tallies.tallies(c, from - span, from - 1);
    CallImpact before = CallImpact.of(from - span, from - 1, List.of(), earlier);
    long monitoring = to;
    for (IncidentUpdate update : incident.updates()) {
      if (update.status().equals(IncidentStatus.MONITORING.wire())) {
        monitoring = update.at().getEpochSecond();
      }
    }
    long end = monitoring;
    List<CallTally> firing = during.stream().filter(t -> t.second() <= end).toList();
    CallImpact active = CallImpact.of(from, end, List.of(), firing);
    return new Postmortem.Facts(incident, alerts, start, impact, before, active, delayThreshold);
  }
}
