package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Connector status: the current one per connector and the full history. Reports join the batch's
 * {@link PendingWrites}: a batch's reports are one history INSERT and one upsert of the current
 * status.
 */
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

  private record Row(String chargerId, String callId, StatusReport report, Instant receivedAt) {}

  private record ConnectorKey(String chargerId, int connectorId) {}

  private static final String COLUMNS =
      """
      SELECT * FROM unnest(?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::text[],
          ?::text[], ?::timestamptz[], ?::timestamptz[]""";

  private static final String INSERT_HISTORY =
      """
      INSERT INTO connector_status_history (charger_id, connector_id, status, error_code,
          info, vendor_id, vendor_error_code, charger_timestamp, received_at, call_id)
      """
          + COLUMNS
          + """
          , ?::text[])
          ON CONFLICT (charger_id, call_id, received_at) DO NOTHING
          """;

  private static final String UPSERT_CURRENT =
      """
      INSERT INTO connector_status (charger_id, connector_id, status, error_code, info,
          vendor_id, vendor_error_code, charger_timestamp, received_at)
      """
          + COLUMNS
          + """
          )
          ON CONFLICT (charger_id, connector_id) DO UPDATE SET status = excluded.status,
              error_code = excluded.error_code, info = excluded.info,
              vendor_id = excluded.vendor_id, vendor_error_code = excluded.vendor_error_code,
              charger_timestamp = excluded.charger_timestamp,
              received_at = excluded.received_at
          WHERE connector_status.received_at <= excluded.received_at
          """;

  private static final PendingWrites.Writer<Row> WRITER = ConnectorStatusRepository::write;

  /**
   * Records the report in the history (once per delivery identity: charger, call id, receive time)
   * and makes it current unless a later-received report is already current.
   */
  public void record(
      PendingWrites writes, String chargerId, String callId, StatusReport r, Instant receivedAt) {
    writes.add(WRITER, new Row(chargerId, callId, r, receivedAt));
  }

  private static void write(Connection connection, List<Row> rows) throws SQLException {
    try (PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
      bind(history, rows);
      Jdbc.setTexts(history, 10, rows, Row::callId);
      history.executeUpdate();
    }
    try (PreparedStatement current = connection.prepareStatement(UPSERT_CURRENT)) {
      bind(current, latestPerConnector(rows));
      current.executeUpdate();
    }
  }

  /**
   * One upsert cannot change a row twice, so of several reports for one connector only the one
   * received last goes in (the last added among equal receive times).
   */
  private static List<Row> latestPerConnector(List<Row> rows) {
    Map<ConnectorKey, Row> latest = new LinkedHashMap<>();
    for (Row row : rows) {
      latest.merge(
          new ConnectorKey(row.chargerId(), row.report().connectorId()),
          row,
          (kept, next) -> next.receivedAt().isBefore(kept.receivedAt()) ? kept : next);
    }
    return new ArrayList<>(latest.values());
  }

  private static void bind(PreparedStatement s, List<Row> rows) throws SQLException {
    Jdbc.setTexts(s, 1, rows, Row::chargerId);
    Jdbc.setIntegers(s, 2, rows, r -> r.report().connectorId());
    Jdbc.setTexts(s, 3, rows, r -> r.report().status());
    Jdbc.setTexts(s, 4, rows, r -> r.report().errorCode());
    Jdbc.setTexts(s, 5, rows, r -> r.report().info());
    Jdbc.setTexts(s, 6, rows, r -> r.report().vendorId());
    Jdbc.setTexts(s, 7, rows, r -> r.report().vendorErrorCode());
    Jdbc.setInstants(s, 8, rows, r -> r.report().chargerTimestamp());
    Jdbc.setInstants(s, 9, rows, Row::receivedAt);
  }
}
