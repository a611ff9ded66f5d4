package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a charger holds because of answered commands: its local authorization list version and its
 * charging profiles (tables of V4; reservations: {@link ReservationRepository}). Statuses are
 * lower-case words.
 */
public final class ChargerStateRepository {
  /**
   * One row of {@code charging_profile}; {@code profileJson} is the OCPP ChargingProfile; {@code
   * commandTransactionId} the transaction its command is linked to (a RemoteStartTransaction's).
   */
  public record ChargingProfile(
      int chargingProfileId,
      int connectorId,
      String purpose,
      int stackLevel,
      String profileJson,
      String status,
      long commandId,
      Instant updatedAt,
      Optional<Integer> commandTransactionId) {}

  /** Where a command's payload carries its profile: SetChargingProfile.req's field. */
  public static final String SET_CHARGING_PROFILE = "csChargingProfiles";

  /** RemoteStartTransaction.req's field (OCPP 1.6 §6.33). */
  public static final String REMOTE_START = "chargingProfile";

  public void setLocalListVersion(
      Connection connection, String chargerId, int version, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE charger SET local_list_version = ?, local_list_updated_at = ? WHERE id = ?")) {
      update.setInt(1, version);
      Jdbc.setInstant(update, 2, at);
      update.setString(3, chargerId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Records the profile of a SetChargingProfile or RemoteStartTransaction command (read from the
   * command's payload, its field {@code payloadField}: {@link #SET_CHARGING_PROFILE} or {@link
   * #REMOTE_START}). When installed, it replaces a profile with the same id, and profiles of the
   * same connector, purpose and stack level become {@code replaced} (OCPP 1.6 §3.13.2); a refusal
   * keeps an existing one.
   */
  public void putChargingProfile(
      Connection connection,
      String chargerId,
      long commandId,
      int connectorId,
      int profileId,
      String purpose,
      int stackLevel,
      String status,
      boolean installed,
      Instant at,
      String payloadField) {
    if (!payloadField.equals(SET_CHARGING_PROFILE) && !payloadField.equals(REMOTE_START)) {
      throw new IllegalArgumentException("no profile in a command's " + payloadField);
    }
    try {
      if (installed) {
        try (PreparedStatement replace =
            connection.prepareStatement(
                "UPDATE charging_profile SET status = 'replaced', updated_at = ?"
                    + " WHERE charger_id = ? AND connector_id = ? AND purpose = ?"
                    + " AND stack_level = ? AND charging_profile_id <> ? AND status = 'installed'")) {
          Jdbc.setInstant(replace, 1, at);
          replace.setString(2, chargerId);
          replace.setInt(3, connectorId);
          replace.setString(4, purpose);
          replace.setInt(5, stackLevel);
          replace.setInt(6, profileId);
          replace.executeUpdate();
        }
      }
      String sql =
          "INSERT INTO charging_profile (charger_id, charging_profile_id, connector_id, purpose,"
              + " stack_level, profile, status, command_id, updated_at)"
              + " SELECT ?, ?, ?, ?, ?, payload->'"
              + payloadField
              + "', ?, id, ?"
              + " FROM command WHERE id = ?"
              + (installed
                  ? " ON CONFLICT (charger_id, charging_profile_id) DO UPDATE SET"
                      + " connector_id = EXCLUDED.connector_id, purpose = EXCLUDED.purpose,"
                      + " stack_level = EXCLUDED.stack_level, profile = EXCLUDED.profile,"
                      + " status = EXCLUDED.status, command_id = EXCLUDED.command_id,"
                      + " updated_at = EXCLUDED.updated_at"
                  : " ON CONFLICT (charger_id, charging_profile_id) DO NOTHING");
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        insert.setString(1, chargerId);
        insert.setInt(2, profileId);
        insert.setInt(3, connectorId);
        insert.setString(4, purpose);
        insert.setInt(5, stackLevel);
        insert.setString(6, status);
        Jdbc.setInstant(insert, 7, at);
        insert.setLong(8, commandId);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * ClearChargingProfile accepted: installed profiles matching every given criterion become {@code
   * cleared} (OCPP 1.6 §5.5: an id alone selects one profile; no criterion clears all).
   */
  public int clearChargingProfiles(
      Connection connection,
      String chargerId,
      Optional<Integer> profileId,
      Optional<Integer> connectorId,
      Optional<String> purpose,
      Optional<Integer> stackLevel,
      long commandId,
      Instant at) {
    String sql =
        "UPDATE charging_profile SET status = 'cleared', command_id = ?, updated_at = ?"
            + " WHERE charger_id = ? AND status = 'installed'"
            + " AND (?::int IS NULL OR charging_profile_id = ?)"
            + " AND (?::int IS NULL OR connector_id = ?)"
            + " AND (?::text IS NULL OR purpose = ?)"
            + " AND (?::int IS NULL OR stack_level = ?)";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, commandId);
      Jdbc.setInstant(update, 2, at);
      update.setString(3, chargerId);
      setInt(update, 4, profileId);
      setInt(update, 5, profileId);
      setInt(update, 6, connectorId);
      setInt(update, 7, connectorId);
      update.setString(8, purpose.orElse(null));
      update.setString(9, purpose.orElse(null));
      setInt(update, 10, stackLevel);
      setInt(update, 11, stackLevel);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** The charger's charging profiles, by id. */
  public List<ChargingProfile> chargingProfiles(Connection connection, String chargerId) {
    try {
      return Jdbc.listForCharger(
          connection,
          "SELECT p.charging_profile_id, p.connector_id, p.purpose, p.stack_level,"
              + " p.profile::text, p.status, p.command_id, p.updated_at, c.transaction_id"
              + " FROM charging_profile p LEFT JOIN command c ON c.id = p.command_id"
              + " WHERE p.charger_id = ? ORDER BY p.charging_profile_id",
          chargerId,
          rs ->
              new ChargingProfile(
                  rs.getInt(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getLong(7),
                  Jdbc.instant(rs, "updated_at").orElseThrow(),
                  Optional.ofNullable((Integer) rs.getObject(9))));
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  private static void setInt(PreparedStatement statement, int index, Optional<Integer> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setInt(index, value.get());
    } else {
      statement.setNull(index, Types.INTEGER);
    }
  }
}
