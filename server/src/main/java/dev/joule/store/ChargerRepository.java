package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chargers: registration, boot details, heartbeats. */
public final class ChargerRepository {

  /** What a BootNotification tells about a charger. */
  public record BootDetails(
      String vendor,
      String model,
      String chargePointSerial,
      String chargeBoxSerial,
      String firmwareVersion,
      String iccid,
      String imsi,
      String meterType,
      String meterSerial) {}

  /** Records the charger if it is new; returns true if it was. */
  public boolean register(Connection connection, String chargerId, Instant at) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO charger (id, registered_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")) {
      insert.setString(1, chargerId);
      Jdbc.setInstant(insert, 2, at);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public boolean exists(Connection connection, String chargerId) {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM charger WHERE id = ?")) {
      query.setString(1, chargerId);
      return query.executeQuery().next();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Deletes the charger; its rows in other tables go with it (ON DELETE CASCADE). */
  public boolean delete(Connection connection, String chargerId) {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM charger WHERE id = ?")) {
      delete.setString(1, chargerId);
      return delete.executeUpdate() == 1;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public void recordBoot(
      Connection connection, String chargerId, BootDetails boot, String status, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            """
            INSERT INTO charger (id, registered_at, registration_status, vendor, model,
                charge_point_serial, charge_box_serial, firmware_version, iccid, imsi,
                meter_type, meter_serial, last_boot_at, last_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET registration_status = excluded.registration_status,
                vendor = excluded.vendor, model = excluded.model,
                charge_point_serial = excluded.charge_point_serial,
                charge_box_serial = excluded.charge_box_serial,
                firmware_version = excluded.firmware_version, iccid = excluded.iccid,
                imsi = excluded.imsi, meter_type = excluded.meter_type,
                meter_serial = excluded.meter_serial, last_boot_at = excluded.last_boot_at,
                last_seen_at = excluded.last_seen_at
            """)) {
      update.setString(1, chargerId);
      Jdbc.setInstant(update, 2, at);
      update.setString(3, status);
      update.setString(4, boot.vendor());
      update.setString(5, boot.model());
      update.setString(6, boot.chargePointSerial());
      update.setString(7, boot.chargeBoxSerial());
      update.setString(8, boot.firmwareVersion());
      update.setString(9, boot.iccid());
      update.setString(10, boot.imsi());
      update.setString(11, boot.meterType());
      update.setString(12, boot.meterSerial());
      Jdbc.setInstant(update, 13, at);
      Jdbc.setInstant(update, 14, at);
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Records a heartbeat; a batch's heartbeats are one UPDATE (see {@link PendingWrites}). */
  public void recordHeartbeat(PendingWrites writes, String chargerId, Instant at) {
    writes.add(HEARTBEATS, new Heartbeat(chargerId, at));
  }

  private record Heartbeat(String chargerId, Instant at) {}

  private static final String UPDATE_HEARTBEATS =
      """
      UPDATE charger SET last_heartbeat_at = beat.at, last_seen_at = beat.at
      FROM unnest(?::text[], ?::timestamptz[]) AS beat (id, at)
      WHERE charger.id = beat.id
      """;

  private static final PendingWrites.Writer<Heartbeat> HEARTBEATS =
      ChargerRepository::writeHeartbeats;

  private static void writeHeartbeats(Connection connection, List<Heartbeat> beats)
      throws SQLException {
    // One UPDATE cannot change a row twice: the latest heartbeat per charger goes in.
    Map<String, Heartbeat> latest = new LinkedHashMap<>();
    for (Heartbeat beat : beats) {
      latest.merge(beat.chargerId(), beat, (a, b) -> b.at().isBefore(a.at()) ? a : b);
    }
    List<Heartbeat> rows = List.copyOf(latest.values());
    try (PreparedStatement update = connection.prepareStatement(UPDATE_HEARTBEATS)) {
      Jdbc.setTexts(update, 1, rows, Heartbeat::chargerId);
      Jdbc.setInstants(update, 2, rows, Heartbeat::at);
      update.executeUpdate();
    }
  }
}
