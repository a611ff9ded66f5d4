package dev.joule.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection inside one transaction; see {@link Database#inTransaction}. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
