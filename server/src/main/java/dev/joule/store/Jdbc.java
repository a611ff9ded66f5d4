package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small conversions repeated by every repository. */
final class Jdbc {
  private Jdbc() {}

  static void setInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setTimestamp(index, Timestamp.from(value));
    }
  }

  static void setInteger(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  /** A row of a result set turned into a value. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Runs {@code sql}, whose one parameter is {@code chargerId}, and maps every row. */
  static <T> List<T> listForCharger(
      Connection connection, String sql, String chargerId, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, chargerId);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      return rows;
    }
  }

  /** The first column of every row of {@code sql}, each {@code ?} bound to the next parameter. */
  static List<String> texts(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    }
  }

  static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? Optional.empty() : Optional.of(value.toInstant());
  }

  /**
   * Binds one column of {@code rows} as a text[] parameter (for {@code unnest(?::text[], ...)}).
   */
  static <R> void setTexts(
      PreparedStatement statement, int index, List<R> rows, Function<R, String> column)
      throws SQLException {
    String[] values = new String[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = column.apply(rows.get(i));
    }
    setArray(statement, index, "text", values);
  }

  /** Binds one column of {@code rows} as an int4[] parameter; null elements stay null. */
  static <R> void setIntegers(
      PreparedStatement statement, int index, List<R> rows, Function<R, Integer> column)
      throws SQLException {
    Integer[] values = new Integer[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = column.apply(rows.get(i));
    }
    setArray(statement, index, "int4", values);
  }

  /**
   * Binds one column of {@code rows} as a text[] of ISO-8601 instants, to be cast with {@code
   * ::timestamptz[]}; null elements stay null.
   */
  static <R> void setInstants(
      PreparedStatement statement, int index, List<R> rows, Function<R, Instant> column)
      throws SQLException {
    setTexts(
        statement,
        index,
        rows,
        row -> {
          Instant value = column.apply(row);
          return value == null ? null : value.toString();
        });
  }

  private static void setArray(PreparedStatement statement, int index, String type, Object[] values)
      throws SQLException {
    Connection connection = statement.getConnection();
    statement.setArray(index, connection.createArrayOf(type, values));
  }
}
