package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

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

  public void recordHeartbeat(Connection connection, String chargerId, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE charger SET last_heartbeat_at = ?, last_seen_at = ? WHERE id = ?")) {
      Jdbc.setInstant(update, 1, at);
      Jdbc.setInstant(update, 2, at);
      update.setString(3, chargerId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }
}
