package dev.joule.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading the column types JDBC does not map directly to what the API writes. */
final class Rows {
  private Rows() {}

  /** A TIMESTAMPTZ column, or null. */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** An INTEGER column, or null (where {@code getInt} would say 0). */
  static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /** A TEXT column where the schema stores "absent" as the empty string (phase, location). */
  static String emptyAsNull(ResultSet rs, String column) throws SQLException {
    String value = rs.getString(column);
    return value == null || value.isEmpty() ? null : value;
  }
}
