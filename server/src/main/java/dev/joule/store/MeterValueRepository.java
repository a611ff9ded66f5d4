package dev.joule.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Sampled meter values. A redelivered or retried message stores nothing new (rule 4): the samples
 * of one meter value timestamp form a group, keyed by charger, connector, transaction, timestamp
 * and the set of sample keys, and a group is stored once (V5 migration, decision 0008). Samples
 * join the batch's {@link PendingWrites}: all samples of a batch are one statement.
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
      String unit) {

    String key() {
      return measurand + '/' + phase + '/' + location;
    }
  }

  private record Row(
      String chargerId,
      int connectorId,
      Integer transactionId,
      UUID sampleKeys,
      Sample sample,
      Instant receivedAt,
      String source) {

    /** What makes a sample the same sample again. */
    List<Object> identity() {
      return Arrays.asList(
          chargerId, connectorId, transactionId, sample.timestamp(), sampleKeys, sample.key());
    }
  }

  // The groups new to the table decide which samples go in; a known group adds nothing.
  private static final String INSERT =
      """
      WITH sample AS (
        SELECT * FROM unnest(?::text[], ?::int4[], ?::int4[], ?::timestamptz[], ?::uuid[],
            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
            ?::timestamptz[], ?::text[])
          AS s (charger_id, connector_id, transaction_id, timestamp, sample_keys, value, context,
                format, measurand, phase, location, unit, received_at, source)
      ), fresh AS (
        INSERT INTO meter_value_group (charger_id, connector_id, transaction_id, timestamp,
            sample_keys, received_at)
        SELECT DISTINCT ON (charger_id, connector_id, transaction_id, timestamp, sample_keys)
            charger_id, connector_id, transaction_id, timestamp, sample_keys, received_at
        FROM sample
        ON CONFLICT DO NOTHING
        RETURNING charger_id, connector_id, COALESCE(transaction_id, -1) AS transaction_key,
            timestamp, sample_keys
      )
      INSERT INTO meter_value (charger_id, connector_id, transaction_id, timestamp, value,
          context, format, measurand, phase, location, unit, received_at, source)
      SELECT s.charger_id, s.connector_id, s.transaction_id, s.timestamp, s.value, s.context,
          s.format, s.measurand, s.phase, s.location, s.unit, s.received_at, s.source
      FROM sample s JOIN fresh f ON f.charger_id = s.charger_id
          AND f.connector_id = s.connector_id
          AND f.transaction_key = COALESCE(s.transaction_id, -1)
          AND f.timestamp = s.timestamp AND f.sample_keys = s.sample_keys
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
    Map<Instant, List<Sample>> groups = new LinkedHashMap<>();
    for (Sample sample : samples) {
      groups.computeIfAbsent(sample.timestamp(), t -> new ArrayList<>()).add(sample);
    }
    for (List<Sample> group : groups.values()) {
      UUID keys = sampleKeys(group);
      for (Sample sample : group) {
        writes.add(
            WRITER,
            new Row(chargerId, connectorId, transactionId, keys, sample, receivedAt, source));
      }
    }
  }

  /**
   * MD5 of the group's distinct sample keys in code-point order, joined by commas: the same value
   * the V5 migration computed for the samples stored before it.
   */
  static UUID sampleKeys(List<Sample> group) {
    Set<String> keys = new TreeSet<>();
    for (Sample sample : group) {
      keys.add(sample.key());
    }
    byte[] md5;
    try {
      md5 =
          MessageDigest.getInstance("MD5")
              .digest(String.join(",", keys).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (md5[i] & 0xff);
      low = (low << 8) | (md5[8 + i] & 0xff);
    }
    return new UUID(high, low);
  }

  private static void write(Connection connection, List<Row> all) throws SQLException {
    // A sample repeated within the batch (the same message twice in it) would match its new
    // group twice.
    Set<List<Object>> seen = new HashSet<>();
    List<Row> rows = new ArrayList<>(all.size());
    for (Row row : all) {
      if (seen.add(row.identity())) {
        rows.add(row);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      Jdbc.setTexts(insert, 1, rows, Row::chargerId);
      Jdbc.setIntegers(insert, 2, rows, Row::connectorId);
      Jdbc.setIntegers(insert, 3, rows, Row::transactionId);
      Jdbc.setInstants(insert, 4, rows, r -> r.sample().timestamp());
      Jdbc.setTexts(insert, 5, rows, r -> r.sampleKeys().toString());
      Jdbc.setTexts(insert, 6, rows, r -> r.sample().value());
      Jdbc.setTexts(insert, 7, rows, r -> r.sample().context());
      Jdbc.setTexts(insert, 8, rows, r -> r.sample().format());
      Jdbc.setTexts(insert, 9, rows, r -> r.sample().measurand());
      Jdbc.setTexts(insert, 10, rows, r -> r.sample().phase());
      Jdbc.setTexts(insert, 11, rows, r -> r.sample().location());
      Jdbc.setTexts(insert, 12, rows, r -> r.sample().unit());
      Jdbc.setInstants(insert, 13, rows, Row::receivedAt);
      Jdbc.setTexts(insert, 14, rows, Row::source);
      insert.executeUpdate();
    }
  }
}
