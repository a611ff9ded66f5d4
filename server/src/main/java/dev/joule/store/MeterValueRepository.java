package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Sampled meter values; a redelivered sample is stored once (rule 4). */
public final class MeterValueRepository {

  /** One sampled value with the meter value timestamp it belongs to. */
  public record Sample(
      Instant timestamp,
      String value,
      String context,
      String format,
      String measurand,
      String phase,
      String location,
      String unit) {}

  public void insert(
      Connection connection,
      String chargerId,
      int connectorId,
      Integer transactionId,
      List<Sample> samples,
      String source,
      Instant receivedAt) {
    if (samples.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO meter_value (charger_id, connector_id, transaction_id, timestamp, value,
                context, format, measurand, phase, location, unit, received_at, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)) {
      for (Sample s : samples) {
        insert.setString(1, chargerId);
        insert.setInt(2, connectorId);
        Jdbc.setInteger(insert, 3, transactionId);
        Jdbc.setInstant(insert, 4, s.timestamp());
        insert.setString(5, s.value());
        insert.setString(6, s.context());
        insert.setString(7, s.format());
        insert.setString(8, s.measurand());
        insert.setString(9, s.phase());
        insert.setString(10, s.location());
        insert.setString(11, s.unit());
        Jdbc.setInstant(insert, 12, receivedAt);
        insert.setString(13, source);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }
}
