package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Connector status: the current one per connector and the full history. */
public final class ConnectorStatusRepository {

  /** One StatusNotification as stored. */
  public record StatusReport(
      int connectorId,
      String status,
      String errorCode,
      String info,
      String vendorId,
      String vendorErrorCode,
      Instant chargerTimestamp) {}

  /**
   * Records the report in the history (once per delivery identity: charger, call id, receive time)
   * and makes it current unless a later-received report is already current.
   */
  public void record(
      Connection connection, String chargerId, String callId, StatusReport r, Instant receivedAt) {
    try (PreparedStatement history =
            connection.prepareStatement(
                """
                INSERT INTO connector_status_history (charger_id, connector_id, status, error_code,
                    info, vendor_id, vendor_error_code, charger_timestamp, received_at, call_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (charger_id, call_id, received_at) DO NOTHING
                """);
        PreparedStatement current =
            connection.prepareStatement(
                """
                INSERT INTO connector_status (charger_id, connector_id, status, error_code, info,
                    vendor_id, vendor_error_code, charger_timestamp, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (charger_id, connector_id) DO UPDATE SET status = excluded.status,
                    error_code = excluded.error_code, info = excluded.info,
                    vendor_id = excluded.vendor_id, vendor_error_code = excluded.vendor_error_code,
                    charger_timestamp = excluded.charger_timestamp,
                    received_at = excluded.received_at
                WHERE connector_status.received_at <= excluded.received_at
                """)) {
      bind(history, chargerId, r, receivedAt);
      history.setString(10, callId);
      history.executeUpdate();
      bind(current, chargerId, r, receivedAt);
      current.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  private static void bind(PreparedStatement s, String chargerId, StatusReport r, Instant at)
      throws SQLException {
    s.setString(1, chargerId);
    s.setInt(2, r.connectorId());
    s.setString(3, r.status());
    s.setString(4, r.errorCode());
    s.setString(5, r.info());
    s.setString(6, r.vendorId());
    s.setString(7, r.vendorErrorCode());
    Jdbc.setInstant(s, 8, r.chargerTimestamp());
    Jdbc.setInstant(s, 9, at);
  }
}
