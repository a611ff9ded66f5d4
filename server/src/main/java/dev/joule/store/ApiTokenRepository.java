package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API tokens (table {@code api_token}): only their SHA-256 is stored. */
public final class ApiTokenRepository {
  /** A stored token as listed: never its hash. */
  public record Stored(long id, String name, Instant createdAt, Optional<Instant> lastUsedAt) {}

  /** The row of a token found by its hash: its id and when it was last recorded as used. */
  public record Found(long id, Optional<Instant> lastUsedAt) {}

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

  public Optional<Found> find(Connection connection, String sha256) {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id, last_used_at FROM api_token WHERE sha256 = ?")) {
      query.setString(1, sha256);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next()
            ? Optional.of(new Found(rs.getLong("id"), Jdbc.instant(rs, "last_used_at")))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public void markUsed(Connection connection, long id, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE api_token SET last_used_at = ? WHERE id = ?")) {
      Jdbc.setInstant(update, 1, at);
      update.setLong(2, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Every stored token, oldest first. */
  public List<Stored> list(Connection connection) {
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT id, name, created_at, last_used_at FROM api_token ORDER BY id");
        ResultSet rs = query.executeQuery()) {
      List<Stored> tokens = new ArrayList<>();
      while (rs.next()) {
        tokens.add(
            new Stored(
                rs.getLong("id"),
                rs.getString("name"),
                Jdbc.instant(rs, "created_at").orElseThrow(),
                Jdbc.instant(rs, "last_used_at")));
      }
      return tokens;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Deletes token {@code id}; its hash when it existed. */
  public Optional<String> delete(Connection connection, long id) {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM api_token WHERE id = ? RETURNING sha256")) {
      delete.setLong(1, id);
      try (ResultSet rs = delete.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
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
