package dev.joule.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The id_tag table. Tags are stored as given and found case-insensitively through the unique index
 * on {@code lower(id_tag)}: PostgreSQL's lower() is the one notion of case, never Java's.
 */
final class IdTagStore {
  static final String LIST = "id-tags";

  private static final String COLUMNS =
      "id_tag, status, expiry_date, parent_id_tag, created_at, updated_at";

  /** Create or replace; a replace keeps created_at and takes the spelling now given. */
  private static final String UPSERT =
      "INSERT INTO id_tag ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT ((lower(id_tag))) DO UPDATE SET id_tag = EXCLUDED.id_tag,"
          + " status = EXCLUDED.status, expiry_date = EXCLUDED.expiry_date,"
          + " parent_id_tag = EXCLUDED.parent_id_tag, updated_at = EXCLUDED.updated_at"
          + " RETURNING "
          + COLUMNS
          + ", (xmax = 0) AS inserted";

  private final Database database;

  IdTagStore(Database database) {
    this.database = database;
  }

  /** The outcome of a put: the tag as now stored, and whether it was new. */
  record Put(IdTagView tag, boolean created) {}

  /** Ordered case-insensitively; the cursor carries the last tag in lower case. */
  Page<IdTagView> list(PageRequest page) {
    Select select =
        new Select("SELECT " + COLUMNS + ", lower(id_tag) AS sort_key FROM id_tag")
            .orderBy("lower(id_tag)")
            .pageOf(page);
    if (!page.isFirst()) {
      select.where("lower(id_tag) > ?", page.afterText(0));
    }
    return database.run(
        connection -> {
          List<Keyed<IdTagView>> rows = new ArrayList<>();
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              rows.add(new Keyed<>(view(rs), List.of(rs.getString("sort_key"))));
            }
          }
          return page.pageOfKeyed(rows);
        });
  }

  Optional<IdTagView> find(String idTag) {
    Select select =
        new Select("SELECT " + COLUMNS + " FROM id_tag").where("lower(id_tag) = lower(?)", idTag);
    return database.run(
        connection -> {
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(view(rs)) : Optional.empty();
          }
        });
  }

  Put put(String idTag, IdTagUpdate update, Instant now) {
    return database.run(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, idTag);
            statement.setString(2, update.status().wire());
            statement.setObject(3, Select.jdbcValue(update.expiryDate().orElse(null)));
            statement.setString(4, update.parentIdTag().orElse(null));
            statement.setObject(5, Select.jdbcValue(now));
            statement.setObject(6, Select.jdbcValue(now));
            try (ResultSet rs = statement.executeQuery()) {
              rs.next();
              return new Put(view(rs), rs.getBoolean("inserted"));
            }
          }
        });
  }

  /** Whether a tag was there to delete. */
  boolean delete(String idTag) {
    return database.run(connection -> delete(connection, idTag));
  }

  private static boolean delete(Connection connection, String idTag) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("DELETE FROM id_tag WHERE lower(id_tag) = lower(?)")) {
      statement.setString(1, idTag);
      return statement.executeUpdate() > 0;
    }
  }

  private static IdTagView view(ResultSet rs) throws SQLException {
    return new IdTagView(
        rs.getString("id_tag"),
        rs.getString("status"),
        Rows.instant(rs, "expiry_date"),
        rs.getString("parent_id_tag"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
