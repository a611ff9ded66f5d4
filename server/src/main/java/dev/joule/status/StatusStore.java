package dev.joule.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the status tables (migration V7): alert history, component changes, incidents. */
final class StatusStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<IncidentUpdate.ComponentAt>> COMPONENTS =
      new TypeReference<>() {};
  private static final String INCIDENT_COLUMNS =
      "SELECT id, title, status, impact, components, alerts, automatic, opened_at, updated_at,"
          + " resolved_at FROM incident";

  void insertAlerts(Connection connection, List<AlertRecord> alerts) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO alert_event (alert, state, severity, node, text, at, since, fired_at,"
                + " resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AlertRecord alert : alerts) {
        var event = alert.event();
        insert.setString(1, event.alert());
        insert.setString(2, event.state());
        insert.setString(3, event.severity().wire());
        insert.setString(4, alert.node());
        insert.setString(5, event.text());
        setInstant(insert, 6, event.at());
        setInstant(insert, 7, event.since());
        setInstant(insert, 8, event.firing() ? event.at() : event.since());
        setInstant(insert, 9, event.firing() ? null : event.at());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** One row of component_state_change; {@code state} is a wire state or {@code left}. */
  record Change(String component, String instance, String state, String reason) {
    static final String LEFT = "left";
  }

  void insertChanges(Connection connection, List<Change> changes, Instant at) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO component_state_change (component, instance, state, reason, at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (Change change : changes) {
        insert.setString(1, change.component());
        insert.setString(2, change.instance());
        insert.setString(3, change.state());
        insert.setString(4, change.reason());
        setInstant(insert, 5, at);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The latest change of each component and node row, by {@link Judged#key()}. */
  Map<String, Latest> latestStates(Connection connection) throws SQLException {
    Map<String, Latest> latest = new LinkedHashMap<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT DISTINCT ON (component, instance) component, instance, state, reason, at"
                    + " FROM component_state_change ORDER BY component, instance, at DESC, id"
                    + " DESC");
        ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        Latest row =
            new Latest(
                rs.getString("component"),
                rs.getString("instance"),
                rs.getString("state"),
                rs.getString("reason"),
                rs.getTimestamp("at").toInstant());
        latest.put(row.component() + "/" + row.instance(), row);
      }
    }
    return latest;
  }

  /** A component's (or node row's) latest recorded state; {@code left}: the node left. */
  record Latest(String component, String instance, String state, String reason, Instant at) {}

  long openIncident(
      Connection connection,
      String title,
      Impact impact,
      List<String> components,
      List<String> alerts,
      boolean automatic,
      Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO incident (title, status, impact, components, alerts, automatic,"
                + " opened_at, updated_at) VALUES (?, 'investigating', ?, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
      insert.setString(1, title);
      insert.setString(2, impact.wire());
      insert.setArray(3, texts(connection, components));
      insert.setArray(4, texts(connection, alerts));
      insert.setBoolean(5, automatic);
      setInstant(insert, 6, at);
      setInstant(insert, 7, at);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Appends an update and moves the incident to its status; false (and nothing written) if the
   * incident does not exist or, when {@code onlyIfOpen}, is resolved already.
   */
  boolean addUpdate(
      Connection connection,
      long incidentId,
      IncidentStatus status,
      String text,
      List<IncidentUpdate.ComponentAt> components,
      String author,
      Instant at,
      boolean onlyIfOpen)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE incident SET status = ?, updated_at = ?, resolved_at = CASE WHEN ? ="
                + " 'resolved' THEN ?::timestamptz ELSE NULL END WHERE id = ?"
                + (onlyIfOpen ? " AND status <> 'resolved'" : ""))) {
      update.setString(1, status.wire());
      setInstant(update, 2, at);
      update.setString(3, status.wire());
      setInstant(update, 4, at);
      update.setLong(5, incidentId);
      if (update.executeUpdate() == 0) {
        return false;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO incident_update (incident_id, status, text, components, author, at)"
                + " VALUES (?, ?, ?, ?::jsonb, ?, ?)")) {
      insert.setLong(1, incidentId);
      insert.setString(2, status.wire());
      insert.setString(3, text);
      insert.setString(4, json(components));
      insert.setString(5, author);
      setInstant(insert, 6, at);
      insert.executeUpdate();
    }
    return true;
  }

  /** Adds {@code alert} to the incident's alerts unless it is there already. */
  void joinAlert(Connection connection, long incidentId, String alert) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE incident SET alerts = array_append(alerts, ?) WHERE id = ? AND NOT (? ="
                + " ANY (alerts))")) {
      update.setString(1, alert);
      update.setLong(2, incidentId);
      update.setString(3, alert);
      update.executeUpdate();
    }
  }

  /** Sets what is given; false if there is no such incident. */
  boolean patch(
      Connection connection,
      long id,
      Optional<String> title,
      Optional<Impact> impact,
      Optional<List<String>> components,
      Instant at)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE incident SET title = COALESCE(?, title), impact = COALESCE(?, impact),"
                + " components = COALESCE(?, components), updated_at = ? WHERE id = ?")) {
      update.setString(1, title.orElse(null));
      update.setString(2, impact.map(Impact::wire).orElse(null));
      if (components.isPresent()) {
        update.setArray(3, texts(connection, components.get()));
      } else {
        update.setNull(3, Types.ARRAY);
      }
      setInstant(update, 4, at);
      update.setLong(5, id);
      return update.executeUpdate() == 1;
    }
  }

  Optional<Incident> incident(Connection connection, long id) throws SQLException {
    List<Incident> found = incidents(connection, " WHERE id = ?", List.of(id), 1);
    return found.stream().findFirst();
  }

  /** The open automatic incident Joule is writing, if any (the newest, should there be two). */
  Optional<Incident> openAutomatic(Connection connection) throws SQLException {
    return incidents(
            connection, " WHERE automatic AND status <> 'resolved' ORDER BY id DESC", List.of(), 1)
        .stream()
        .findFirst();
  }

  /**
   * A page of incidents, newest first (opened_at, then id), with their updates.
   *
   * @param open true: only open ones; false: only resolved ones; empty: all
   * @param after the (opened_at, id) the page starts after, if not the first page
   */
  List<Incident> page(
      Connection connection,
      Optional<Boolean> open,
      Optional<Map.Entry<Instant, Long>> after,
      int limit)
      throws SQLException {
    List<String> conditions = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    open.ifPresent(o -> conditions.add(o ? "status <> 'resolved'" : "status = 'resolved'"));
    after.ifPresent(
        key -> {
          conditions.add("(opened_at, id) < (?, ?)");
          values.add(Timestamp.from(key.getKey()));
          values.add(key.getValue());
        });
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return incidents(connection, where + " ORDER BY opened_at DESC, id DESC", values, limit);
  }

  private List<Incident> incidents(
      Connection connection, String rest, List<Object> values, int limit) throws SQLException {
    Map<Long, Incident> found = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(INCIDENT_COLUMNS + rest + " LIMIT " + limit)) {
      for (int i = 0; i < values.size(); i++) {
        query.setObject(i + 1, values.get(i));
      }
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Incident incident = incident(rs);
          found.put(incident.id(), incident);
        }
      }
    }
    if (found.isEmpty()) {
      return List.of();
    }
    Map<Long, List<IncidentUpdate>> timelines = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, incident_id, status, text, components, author, at FROM incident_update"
                + " WHERE incident_id = ANY (?) ORDER BY at, id")) {
      query.setArray(1, connection.createArrayOf("int8", found.keySet().toArray()));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          IncidentUpdate update = update(rs);
          timelines.computeIfAbsent(update.incidentId(), k -> new ArrayList<>()).add(update);
        }
      }
    }
    List<Incident> incidents = new ArrayList<>(found.size());
    for (Incident incident : found.values()) {
      incidents.add(incident.withUpdates(timelines.getOrDefault(incident.id(), List.of())));
    }
    return incidents;
  }

  /** The newest updates of every incident, for the feed; each with its incident's title. */
  List<Map.Entry<String, IncidentUpdate>> recentUpdates(Connection connection, int limit)
      throws SQLException {
    List<Map.Entry<String, IncidentUpdate>> updates = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT u.id, u.incident_id, u.status, u.text, u.components, u.author, u.at, i.title"
                + " FROM incident_update u JOIN incident i ON i.id = u.incident_id"
                + " ORDER BY u.at DESC, u.id DESC LIMIT ?")) {
      query.setInt(1, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          updates.add(Map.entry(rs.getString("title"), update(rs)));
        }
      }
    }
    return updates;
  }

  private static Incident incident(ResultSet rs) throws SQLException {
    Timestamp resolved = rs.getTimestamp("resolved_at");
    return new Incident(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("status"),
        rs.getString("impact"),
        strings(rs.getArray("components")),
        strings(rs.getArray("alerts")),
        rs.getBoolean("automatic"),
        rs.getTimestamp("opened_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        resolved == null ? null : resolved.toInstant(),
        List.of());
  }

  private static IncidentUpdate update(ResultSet rs) throws SQLException {
    List<IncidentUpdate.ComponentAt> components;
    try {
      components = JSON.readValue(rs.getString("components"), COMPONENTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("incident_update.components is not JSON", e);
    }
    return new IncidentUpdate(
        rs.getLong("id"),
        rs.getLong("incident_id"),
        rs.getTimestamp("at").toInstant(),
        rs.getString("status"),
        rs.getString("text"),
        components,
        rs.getString("author"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  private static Array texts(Connection connection, List<String> values) throws SQLException {
    return connection.createArrayOf("text", values.toArray());
  }

  private static String json(List<IncidentUpdate.ComponentAt> components) {
    try {
      return JSON.writeValueAsString(components);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setTimestamp(index, Timestamp.from(value));
    }
  }
}
