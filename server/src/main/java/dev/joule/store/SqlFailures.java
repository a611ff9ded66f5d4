package dev.joule.store;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Turns SQLExceptions into unchecked exceptions that say whose fault they are. */
public final class SqlFailures {
  private SqlFailures() {}

  /**
   * {@link DatabaseUnavailable} when the database cannot serve (SQLSTATE classes 08 connection, 53
   * resources, 57 operator intervention), otherwise an IllegalStateException: a bug or bad data.
   */
  public static RuntimeException unchecked(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e instanceof SQLTransientException
        || state.startsWith("08")
        || state.startsWith("53")
        || state.startsWith("57")) {
      return new DatabaseUnavailable("database unavailable: " + e.getMessage(), e);
    }
    return new IllegalStateException("SQL failed [" + state + "]: " + e.getMessage(), e);
  }
}
