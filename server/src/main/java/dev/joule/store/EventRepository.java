package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Notifications a charger sends that are recorded as they come: data transfers, firmware. */
public final class EventRepository {

  public void dataTransfer(
      Connection connection,
      String chargerId,
      String callId,
      String vendorId,
      String messageId,
      String data,
      String status,
      Instant receivedAt) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO data_transfer (charger_id, vendor_id, message_id, data, status,
                received_at, call_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (charger_id, call_id, received_at) DO NOTHING
            """)) {
      insert.setString(1, chargerId);
      insert.setString(2, vendorId);
      insert.setString(3, messageId);
      insert.setString(4, data);
      insert.setString(5, status);
      Jdbc.setInstant(insert, 6, receivedAt);
      insert.setString(7, callId);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** A DiagnosticsStatusNotification or FirmwareStatusNotification. */
  public void firmwareEvent(
      Connection connection,
      String chargerId,
      String callId,
      String kind,
      String status,
      Instant receivedAt) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO firmware_event (charger_id, kind, status, received_at, call_id)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (charger_id, call_id, received_at) DO NOTHING
            """)) {
      insert.setString(1, chargerId);
      insert.setString(2, kind);
      insert.setString(3, status);
      Jdbc.setInstant(insert, 4, receivedAt);
      insert.setString(5, callId);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }
}
