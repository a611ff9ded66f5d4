package dev.joule.status;

import dev.joule.alerting.Signals;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of migration V9: when status was recorded (for the uptime bars) and the acting
 * supervisor's signals per second (for the incident chart); and the component changes the bars are
 * drawn from (V7).
 */
final class HistoryStore {

  /** One second of the acting supervisor's signals. */
  record SignalSecond(
      long second,
      int backlog,
      long oldestWaitingMillis,
      int messagesHeld,
      long longestHeldMillis) {}

  /** Records one evaluation round of the acting supervisor that has acted since {@code since}. */
  void recorded(Connection connection, String node, Instant since, Signals signals)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO status_coverage (node, started_at, seen_at) VALUES (?, ?, ?) ON CONFLICT"
                + " (node, started_at) DO UPDATE SET seen_at = EXCLUDED.seen_at")) {
      upsert.setString(1, node);
      upsert.setTimestamp(2, Timestamp.from(since));
      upsert.setTimestamp(3, Timestamp.from(signals.at()));
      upsert.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO signal_second (at, node, backlog, oldest_waiting_ms, messages_held,"
                + " longest_held_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (at) DO NOTHING")) {
      insert.setTimestamp(1, Timestamp.from(Instant.ofEpochSecond(signals.at().getEpochSecond())));
      insert.setString(2, node);
      insert.setInt(3, signals.backlog());
      insert.setLong(4, signals.oldestWaiting().toMillis());
      insert.setInt(5, signals.messagesHeld());
      insert.setLong(6, signals.longestHeld().toMillis());
      insert.executeUpdate();
    }
  }

  /** Deletes the signal seconds before {@code before}. */
  int purgeSignals(Connection connection, Instant before) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM signal_second WHERE at < ?")) {
      delete.setTimestamp(1, Timestamp.from(before));
      return delete.executeUpdate();
    }
  }

  /** The signal seconds in [{@code from}, {@code to}], oldest first. */
  List<SignalSecond> signals(Connection connection, long from, long to) throws SQLException {
    List<SignalSecond> found = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT at, backlog, oldest_waiting_ms, messages_held, longest_held_ms FROM"
                + " signal_second WHERE at"
                + " BETWEEN ? AND ? ORDER BY at")) {
      query.setTimestamp(1, Timestamp.from(Instant.ofEpochSecond(from)));
      query.setTimestamp(2, Timestamp.from(Instant.ofEpochSecond(to)));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found.add(
              new SignalSecond(
                  rs.getTimestamp("at").toInstant().getEpochSecond(),
                  rs.getInt("backlog"),
                  rs.getLong("oldest_waiting_ms"),
                  rs.getInt("messages_held"),
                  rs.getLong("longest_held_ms")));
        }
      }
    }
    return found;
  }

  /** The stretches of recording that reach into [{@code from}, now). */
  List<Uptime.Stretch> stretches(Connection connection, Instant from) throws SQLException {
    List<Uptime.Stretch> found = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT started_at, seen_at FROM status_coverage WHERE seen_at >= ?")) {
      query.setTimestamp(1, Timestamp.from(from));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found.add(
              new Uptime.Stretch(
                  rs.getTimestamp("started_at").toInstant().getEpochSecond(),
                  rs.getTimestamp("seen_at").toInstant().getEpochSecond()));
        }
      }
    }
    return found;
  }

  /**
   * Each component's own changes (not its node rows') from {@code from} on, with the last one
   * before it: where the period starts. Keyed by component id.
   */
  Map<String, List<Uptime.Change>> changes(Connection connection, Instant from)
      throws SQLException {
    Map<String, List<Uptime.Change>> found = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT component, state, at FROM component_state_change WHERE instance = '' AND at"
                + " >= ? UNION ALL SELECT * FROM (SELECT DISTINCT ON (component) component,"
                + " state, at FROM component_state_change WHERE instance = '' AND at < ? ORDER"
                + " BY component, at DESC, id DESC) before")) {
      query.setTimestamp(1, Timestamp.from(from));
      query.setTimestamp(2, Timestamp.from(from));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          found
              .computeIfAbsent(rs.getString("component"), k -> new ArrayList<>())
              .add(
                  new Uptime.Change(
                      rs.getTimestamp("at").toInstant().getEpochSecond(),
                      ComponentState.ofWire(rs.getString("state"))));
        }
      }
    }
    return found;
  }
}
