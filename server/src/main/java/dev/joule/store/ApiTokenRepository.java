package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** API tokens (table {@code api_token}): only their SHA-256 is stored. */
public final class ApiTokenRepository {
  public void insert(Connection connection, String sha256, String name, Instant at) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO api_token (sha256, name, created_at) VALUES (?, ?, ?)")) {
      insert.setString(1, sha256);
      insert.setString(2, name);
      Jdbc.setInstant(insert, 3, at);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public boolean exists(Connection connection, String sha256) {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM api_token WHERE sha256 = ?")) {
      query.setString(1, sha256);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public long count(Connection connection) {
    try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM api_token");
        ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }
}
