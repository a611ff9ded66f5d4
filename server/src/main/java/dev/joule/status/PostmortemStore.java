package dev.joule.status;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of what the postmortem reads: the per-second CALL tallies (V8) and alert history. */
final class PostmortemStore {
  private static final String COLUMNS =
      "SELECT node, at, started_at, received, answered, delayed, deadlines_missed, abandoned,"
          + " longest_wait_us, bucket_upper_us, bucket_count, delayed_chargers,"
          + " more_delayed_chargers, commands_sent, commands_timed_out, received_total,"
          + " answered_total, abandoned_total FROM call_second";

  /** One alert transition of the history, as the timeline quotes it. */
  record AlertLine(
      String alert, String state, String node, String text, Instant at, Instant since) {
    boolean firing() {
      return state.equals("firing");
    }
  }

  /** Inserts the tallies; a second already written (a retry after a failed commit) stays. */
  void insert(Connection connection, List<CallTally> tallies) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO call_second (node, at, started_at, received, answered, delayed,"
                + " deadlines_missed, abandoned, longest_wait_us, bucket_upper_us, bucket_count,"
                + " delayed_chargers, more_delayed_chargers, commands_sent, commands_timed_out,"
                + " received_total, answered_total, abandoned_total) VALUES (?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (node, at) DO NOTHING")) {
      for (CallTally t : tallies) {
        insert.setString(1, t.node());
        insert.setTimestamp(2, seconds(t.second()));
        insert.setTimestamp(3, seconds(t.startedAt()));
        long[] counts = {
          t.received(),
          t.answered(),
          t.delayed(),
          t.deadlinesMissed(),
          t.abandoned(),
          t.longestWaitMicros()
        };
        for (int i = 0; i < counts.length; i++) {
          insert.setLong(4 + i, counts[i]);
        }
        insert.setArray(10, connection.createArrayOf("int8", boxed(t.bucketUpperMicros())));
        insert.setArray(11, connection.createArrayOf("int8", boxed(t.bucketCounts())));
        insert.setArray(12, connection.createArrayOf("text", t.delayedChargers().toArray()));
        insert.setLong(13, t.moreDelayedChargers());
        insert.setLong(14, t.commandsSent());
        insert.setLong(15, t.commandsTimedOut());
        insert.setLong(16, t.receivedTotal());
        insert.setLong(17, t.answeredTotal());
        insert.setLong(18, t.abandonedTotal());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Every node's tallies of the seconds in [{@code from}, {@code to}], by node, then second. */
  List<CallTally> tallies(Connection connection, long from, long to) throws SQLException {
    return query(
        connection,
        COLUMNS + " WHERE at BETWEEN ? AND ? ORDER BY node, at",
        seconds(from),
        seconds(to));
  }

  /** Each node's newest tally before second {@code from}: where its totals stood. */
  List<CallTally> before(Connection connection, long from) throws SQLException {
    return query(
        connection,
        "SELECT DISTINCT ON (node) * FROM (" + COLUMNS + " WHERE at < ?) t ORDER BY node, at DESC",
        seconds(from));
  }

  /** Deletes the tallies of seconds before {@code second}. */
  int purge(Connection connection, long second) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM call_second WHERE at < ?")) {
      delete.setTimestamp(1, seconds(second));
      return delete.executeUpdate();
    }
  }

  /** The transitions of {@code alerts} between {@code from} and {@code to}, oldest first. */
  List<AlertLine> alerts(Connection connection, List<String> alerts, Instant from, Instant to)
      throws SQLException {
    List<AlertLine> lines = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT alert, state, node, text, at, since FROM alert_event WHERE alert = ANY (?)"
                + " AND at BETWEEN ? AND ? ORDER BY at, id")) {
      query.setArray(1, connection.createArrayOf("text", alerts.toArray()));
      query.setTimestamp(2, Timestamp.from(from));
      query.setTimestamp(3, Timestamp.from(to));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          lines.add(
              new AlertLine(
                  rs.getString("alert"),
                  rs.getString("state"),
                  rs.getString("node"),
                  rs.getString("text"),
                  rs.getTimestamp("at").toInstant(),
                  rs.getTimestamp("since").toInstant()));
        }
      }
    }
    return lines;
  }

  private static List<CallTally> query(Connection connection, String sql, Timestamp... values)
      throws SQLException {
    List<CallTally> tallies = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        query.setTimestamp(i + 1, values[i]);
      }
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          tallies.add(tally(rs));
        }
      }
    }
    return tallies;
  }

  private static CallTally tally(ResultSet rs) throws SQLException {
    return new CallTally(
        rs.getString("node"),
        rs.getTimestamp("at").toInstant().getEpochSecond(),
        rs.getTimestamp("started_at").toInstant().getEpochSecond(),
        rs.getLong("received"),
        rs.getLong("answered"),
        rs.getLong("delayed"),
        rs.getLong("deadlines_missed"),
        rs.getLong("abandoned"),
        rs.getLong("longest_wait_us"),
        longs(rs.getArray("bucket_upper_us")),
        longs(rs.getArray("bucket_count")),
        List.of((String[]) rs.getArray("delayed_chargers").getArray()),
        rs.getLong("more_delayed_chargers"),
        rs.getLong("commands_sent"),
        rs.getLong("commands_timed_out"),
        rs.getLong("received_total"),
        rs.getLong("answered_total"),
        rs.getLong("abandoned_total"));
  }

  private static long[] longs(Array array) throws SQLException {
    Long[] values = (Long[]) array.getArray();
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static Long[] boxed(long[] values) {
    Long[] out = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static Timestamp seconds(long epochSecond) {
    return Timestamp.from(Instant.ofEpochSecond(epochSecond));
  }
}
