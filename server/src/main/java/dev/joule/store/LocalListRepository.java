package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Local authorization lists (V13): what a charger holds as far as Joule knows ({@code
 * local_list_held} and {@code charger.local_list_held_version}), the list an operator wants on it
 * ({@code local_list_wanted}, or a group: the id tags whose parentIdTag it is, V17; idTagInfo read
 * from {@code id_tag}) and where sending it stands ({@code local_list}).
 */
public final class LocalListRepository {
  /** An entry with its idTagInfo. */
  public record Entry(
      String idTag, String status, Optional<Instant> expiryDate, Optional<String> parentIdTag) {}

  /** An entry of an accepted SendLocalList: with info added or changed, without removed. */
  public record Change(String idTag, Optional<Entry> info) {}

  /** Where sending the wanted list stands, and the group it follows if it is a group's. */
  public record State(
      String state, Optional<String> detail, Instant updatedAt, Optional<String> group) {}

  /** The versions Joule knows: what the charger last reported or accepted, what Joule recorded. */
  public record Versions(OptionalInt charger, OptionalInt held) {}

  /**
   * Records the list wanted on the charger ({@code idTags} as Joule's id tags spell them, or the
   * members of {@code group}) with state {@code state}. False when the charger is unknown.
   */
  public boolean want(
      Connection connection,
      String chargerId,
      List<String> idTags,
      Optional<String> group,
      String state,
      Instant at) {
    try {
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO local_list (charger_id, state, detail, updated_at, id_tag_group)"
                  + " SELECT id, ?, NULL, ?, ? FROM charger WHERE id = ?"
                  + " ON CONFLICT (charger_id) DO UPDATE SET state = EXCLUDED.state,"
                  + " detail = NULL, updated_at = EXCLUDED.updated_at,"
                  + " id_tag_group = EXCLUDED.id_tag_group")) {
        upsert.setString(1, state);
        Jdbc.setInstant(upsert, 2, at);
        upsert.setString(3, group.orElse(null));
        upsert.setString(4, chargerId);
        if (upsert.executeUpdate() == 0) {
          return false;
        }
      }
      try (PreparedStatement clear =
          connection.prepareStatement("DELETE FROM local_list_wanted WHERE charger_id = ?")) {
        clear.setString(1, chargerId);
        clear.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO local_list_wanted (charger_id, id_tag)"
                  + " SELECT ?, t FROM unnest(?::text[]) AS t ON CONFLICT DO NOTHING")) {
        insert.setString(1, chargerId);
        insert.setArray(2, connection.createArrayOf("text", idTags.toArray()));
        insert.executeUpdate();
      }
      return true;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * The chargers whose list may change with that idTag (case-insensitive): lists that name it,
   * lists of the group it belongs to now, and group lists the charger holds it in (it may have left
   * the group).
   */
  public List<String> chargersWanting(Connection connection, String idTag) {
    try {
      return Jdbc.texts(
          connection,
          "SELECT charger_id FROM local_list_wanted WHERE lower(id_tag) = lower(?)"
              + " UNION SELECT l.charger_id FROM local_list l JOIN id_tag t"
              + " ON lower(t.parent_id_tag) = lower(l.id_tag_group) WHERE lower(t.id_tag) = lower(?)"
              + " UNION SELECT l.charger_id FROM local_list l JOIN local_list_held h"
              + " ON h.charger_id = l.charger_id WHERE l.id_tag_group IS NOT NULL"
              + " AND lower(h.id_tag) = lower(?)",
          idTag,
          idTag,
          idTag);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Whether an operator asked for a list on the charger. */
  public Optional<State> state(Connection connection, String chargerId) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT state, detail, updated_at, id_tag_group FROM local_list"
                + " WHERE charger_id = ?")) {
      query.setString(1, chargerId);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new State(
                rs.getString(1),
                Optional.ofNullable(rs.getString(2)),
                Jdbc.instant(rs, "updated_at").orElseThrow(),
                Optional.ofNullable(rs.getString(4))));
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public void setState(
      Connection connection, String chargerId, String state, Optional<String> detail, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE local_list SET state = ?, detail = ?, updated_at = ? WHERE charger_id = ?")) {
      update.setString(1, state);
      update.setString(2, detail.orElse(null));
      Jdbc.setInstant(update, 3, at);
      update.setString(4, chargerId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * The wanted entries with their idTagInfo from {@code id_tag}, by idTag: the tags named, or the
   * group's members as they are now; a wanted tag deleted from the id tags since is left out (and
   * so removed from the charger).
   */
  public List<Entry> wanted(Connection connection, String chargerId) {
    return entries(
        connection,
        "WITH list AS (SELECT charger_id, id_tag_group FROM local_list WHERE charger_id = ?)"
            + " SELECT * FROM ("
            + "SELECT t.id_tag, t.status, t.expiry_date, t.parent_id_tag FROM list"
            + " JOIN local_list_wanted w ON w.charger_id = list.charger_id"
            + " JOIN id_tag t ON lower(t.id_tag) = lower(w.id_tag)"
            + " UNION SELECT t.id_tag, t.status, t.expiry_date, t.parent_id_tag FROM list"
            + " JOIN id_tag t ON lower(t.parent_id_tag) = lower(list.id_tag_group)"
            + ") e ORDER BY lower(e.id_tag)",
        chargerId);
  }

  /** The id tags whose parentIdTag is {@code group} (case-insensitive), as spelt. */
  public List<String> groupMembers(Connection connection, String group) {
    try {
      return Jdbc.texts(
          connection,
          "SELECT id_tag FROM id_tag WHERE lower(parent_id_tag) = lower(?) ORDER BY lower(id_tag)",
          group);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** What the charger holds as far as Joule knows, by idTag. */
  public List<Entry> held(Connection connection, String chargerId) {
    return entries(
        connection,
        "SELECT id_tag, status, expiry_date, parent_id_tag FROM local_list_held"
            + " WHERE charger_id = ? ORDER BY lower(id_tag)",
        chargerId);
  }

  public Versions versions(Connection connection, String chargerId) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT local_list_version, local_list_held_version FROM charger WHERE id = ?")) {
      query.setString(1, chargerId);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return new Versions(OptionalInt.empty(), OptionalInt.empty());
        }
        int charger = rs.getInt(1);
        OptionalInt reported = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(charger);
        int held = rs.getInt(2);
        return new Versions(reported, rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(held));
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** An integer key of the charger's configuration as last reported (GetConfiguration). */
  public OptionalInt configuration(Connection connection, String chargerId, String key) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT value FROM charger_configuration WHERE charger_id = ? AND key = ?")) {
      query.setString(1, chargerId);
      query.setString(2, key);
      try (ResultSet rs = query.executeQuery()) {
        if (rs.next() && rs.getString(1) != null) {
          return OptionalInt.of(Integer.parseInt(rs.getString(1).trim()));
        }
        return OptionalInt.empty();
      }
    } catch (NumberFormatException e) {
      return OptionalInt.empty(); // a charger reporting a non-number: as if unknown
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * The charger accepted a SendLocalList: a Full one replaces what it holds, a Differential one
   * adds, changes and removes entries; either way it now holds {@code version}.
   */
  public void accepted(
      Connection connection, String chargerId, boolean full, int version, List<Change> changes) {
    try {
      if (full) {
        try (PreparedStatement clear =
            connection.prepareStatement("DELETE FROM local_list_held WHERE charger_id = ?")) {
          clear.setString(1, chargerId);
          clear.executeUpdate();
        }
      }
      try (PreparedStatement remove =
              connection.prepareStatement(
                  "DELETE FROM local_list_held WHERE charger_id = ? AND lower(id_tag) = lower(?)");
          PreparedStatement put =
              connection.prepareStatement(
                  "INSERT INTO local_list_held (charger_id, id_tag, status, expiry_date,"
                      + " parent_id_tag) VALUES (?, ?, ?, ?, ?)")) {
        for (Change change : changes) {
          remove.setString(1, chargerId);
          remove.setString(2, change.idTag());
          remove.executeUpdate();
          if (change.info().isPresent()) {
            Entry entry = change.info().get();
            put.setString(1, chargerId);
            put.setString(2, change.idTag());
            put.setString(3, entry.status());
            Jdbc.setInstant(put, 4, entry.expiryDate().orElse(null));
            put.setString(5, entry.parentIdTag().orElse(null));
            put.executeUpdate();
          }
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE charger SET local_list_held_version = ? WHERE id = ?")) {
        update.setInt(1, version);
        update.setString(2, chargerId);
        update.executeUpdate();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  private static List<Entry> entries(Connection connection, String sql, String chargerId) {
    try {
      return Jdbc.listForCharger(
          connection,
          sql,
          chargerId,
          rs ->
              new Entry(
                  rs.getString(1),
                  rs.getString(2),
                  Jdbc.instant(rs, "expiry_date"),
                  Optional.ofNullable(rs.getString(4))));
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }
}
