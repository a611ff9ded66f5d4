package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** idTags as the operator configured them; looked up case-insensitively. */
public final class IdTagRepository {

  /** One idTag row. */
  public record IdTag(
      String idTag, String status, Optional<Instant> expiryDate, Optional<String> parentIdTag) {}

  public Optional<IdTag> find(Connection connection, String idTag) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id_tag, status, expiry_date, parent_id_tag FROM id_tag"
                + " WHERE lower(id_tag) = lower(?)")) {
      query.setString(1, idTag);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new IdTag(
                row.getString("id_tag"),
                row.getString("status"),
                Jdbc.instant(row, "expiry_date"),
                Optional.ofNullable(row.getString("parent_id_tag"))));
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }
}
