package dev.joule.api;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The API's JDBC access: one connection per call, SQLException made unchecked. */
final class Database {
  /** Work done with one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A failure of the database, answered as 500 "internal error" and logged. */
  static final class Failure extends RuntimeException {
    Failure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final DataSource dataSource;

  Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} on a connection in auto-commit: each statement sees committed data. */
  <T> T run(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }
}
