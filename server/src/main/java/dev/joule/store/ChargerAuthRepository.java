package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Table charger_auth (migration V11): each charger's security profile, key hash and admission. */
public final class ChargerAuthRepository {

  /**
   * One charger's row.
   *
   * @param securityProfile its own profile, 0 to 3
   * @param keyHash the hash of its AuthorizationKey, never the key
   * @param pending admitted unknown and not yet accepted by an operator (BootNotification Pending)
   */
  public record Row(int securityProfile, Optional<String> keyHash, boolean pending) {}

  public Optional<Row> find(Connection connection, String chargerId) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT security_profile, key_hash, admission FROM charger_auth WHERE charger_id = ?")) {
      query.setString(1, chargerId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Row(
                row.getInt(1),
                Optional.ofNullable(row.getString(2)),
                "pending".equals(row.getString(3))));
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** A registered charger, with its row if it has one (none: profile 0, no key). */
  public record Registered(Optional<Row> auth) {}

  /**
   * Whether the charger is registered and, if so, its row: one round trip where a handshake needed
   * two (registered? then its row).
   */
  public Optional<Registered> registered(Connection connection, String chargerId) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT a.charger_id, a.security_profile, a.key_hash, a.admission FROM charger c"
                + " LEFT JOIN charger_auth a ON a.charger_id = c.id WHERE c.id = ?")) {
      query.setString(1, chargerId);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        if (row.getString(1) == null) {
          return Optional.of(new Registered(Optional.empty()));
        }
        return Optional.of(
            new Registered(
                Optional.of(
                    new Row(
                        row.getInt(2),
                        Optional.ofNullable(row.getString(3)),
                        "pending".equals(row.getString(4))))));
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Writes the row; empty values keep what is stored (or the defaults on a new row). */
  public void put(
      Connection connection,
      String chargerId,
      Optional<Integer> securityProfile,
      Optional<String> keyHash,
      Optional<Boolean> pending,
      Instant at) {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            """
            INSERT INTO charger_auth (charger_id, security_profile, key_hash, admission, updated_at)
            VALUES (?, coalesce(?, 0), ?, coalesce(?, 'accepted'), ?)
            ON CONFLICT (charger_id) DO UPDATE SET
                security_profile = coalesce(?, charger_auth.security_profile),
                key_hash = coalesce(?, charger_auth.key_hash),
                admission = coalesce(?, charger_auth.admission),
                updated_at = excluded.updated_at
            """)) {
      Integer profile = securityProfile.orElse(null);
      String hash = keyHash.orElse(null);
      String admission = pending.map(p -> p ? "pending" : "accepted").orElse(null);
      upsert.setString(1, chargerId);
      Jdbc.setInteger(upsert, 2, profile);
      upsert.setString(3, hash);
      upsert.setString(4, admission);
      Jdbc.setInstant(upsert, 5, at);
      Jdbc.setInteger(upsert, 6, profile);
      upsert.setString(7, hash);
      upsert.setString(8, admission);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Raises the charger's own profile to {@code profile}; never lowers it. */
  public void raiseProfile(Connection connection, String chargerId, int profile, Instant at) {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            """
            INSERT INTO charger_auth (charger_id, security_profile, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (charger_id) DO UPDATE SET
                security_profile = greatest(charger_auth.security_profile, excluded.security_profile),
                updated_at = excluded.updated_at
            """)) {
      upsert.setString(1, chargerId);
      upsert.setInt(2, profile);
      Jdbc.setInstant(upsert, 3, at);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** True when the charger was pending and is now accepted. */
  public boolean accept(Connection connection, String chargerId, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE charger_auth SET admission = 'accepted', updated_at = ?"
                + " WHERE charger_id = ? AND admission = 'pending'")) {
      Jdbc.setInstant(update, 1, at);
      update.setString(2, chargerId);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Whether the charger waits for an operator's acceptance (its BootNotification: Pending). */
  public boolean pending(Connection connection, String chargerId) {
    return find(connection, chargerId).map(Row::pending).orElse(false);
  }
}
