package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Sampled meter values; a redelivered sample is stored once (rule 4). Samples join the batch's
 * {@link PendingWrites}: the samples of all messages of a batch are one INSERT.
 */
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

  private record Row(
      String chargerId,
      int connectorId,
      Integer transactionId,
      Sample sample,
      Instant receivedAt,
      String source) {}

  private static final String INSERT =
      """
      INSERT INTO meter_value (charger_id, connector_id, transaction_id, timestamp, value,
          context, format, measurand, phase, location, unit, received_at, source)
      SELECT * FROM unnest(?::text[], ?::int4[], ?::int4[], ?::timestamptz[], ?::text[],
          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
          ?::text[])
      ON CONFLICT DO NOTHING
      """;

  private static final PendingWrites.Writer<Row> WRITER = MeterValueRepository::write;

  public void insert(
      PendingWrites writes,
      String chargerId,
      int connectorId,
      Integer transactionId,
      List<Sample> samples,
      String source,
      Instant receivedAt) {
    for (Sample sample : samples) {
      writes.add(
          WRITER, new Row(chargerId, connectorId, transactionId, sample, receivedAt, source));
    }
  }

  private static void write(Connection connection, List<Row> rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      Jdbc.setTexts(insert, 1, rows, Row::chargerId);
      Jdbc.setIntegers(insert, 2, rows, Row::connectorId);
      Jdbc.setIntegers(insert, 3, rows, Row::transactionId);
      Jdbc.setInstants(insert, 4, rows, r -> r.sample().timestamp());
      Jdbc.setTexts(insert, 5, rows, r -> r.sample().value());
      Jdbc.setTexts(insert, 6, rows, r -> r.sample().context());
      Jdbc.setTexts(insert, 7, rows, r -> r.sample().format());
      Jdbc.setTexts(insert, 8, rows, r -> r.sample().measurand());
      Jdbc.setTexts(insert, 9, rows, r -> r.sample().phase());
      Jdbc.setTexts(insert, 10, rows, r -> r.sample().location());
      Jdbc.setTexts(insert, 11, rows, r -> r.sample().unit());
      Jdbc.setInstants(insert, 12, rows, Row::receivedAt);
      Jdbc.setTexts(insert, 13, rows, Row::source);
      insert.executeUpdate();
    }
  }
}
