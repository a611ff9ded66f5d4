package dev.joule.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sampled meter values. A MeterValue element (one timestamp, its sampled values) is one row of
 * {@code meter_value_element} with the samples as parallel arrays (V18); {@code meter_value} is the
 * view of one row per sample. A redelivered or retried message stores nothing new (rule 4): an
 * element is keyed by charger, connector, transaction, timestamp and the set of its sample keys,
 * and stored once (decision 0008). Elements join the batch's {@link PendingWrites}: all elements of
 * a batch are one statement.
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

  /** One MeterValue element: its samples in the order the charger sent them. */
  private record Element(
      String chargerId,
      int connectorId,
      Integer transactionId,
      Instant timestamp,
      UUID sampleKeys,
      List<Sample> samples,
      Instant receivedAt,
      String source) {}

  // Each array column arrives as one PostgreSQL array literal per element (arrayLiteral).
  private static final String INSERT =
      """
      INSERT INTO meter_value_element (charger_id, connector_id, transaction_id, timestamp,
          sample_keys, received_at, source, value, context, format, measurand, phase, location,
          unit)
      SELECT charger_id, connector_id, transaction_id, timestamp, sample_keys, received_at, source,
          value::text[], context::text[], format::text[], measurand::text[], phase::text[],
          location::text[], unit::text[]
      FROM unnest(?::text[], ?::int4[], ?::int4[], ?::timestamptz[], ?::uuid[], ?::timestamptz[],
          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
        AS e (charger_id, connector_id, transaction_id, timestamp, sample_keys, received_at,
              source, value, context, format, measurand, phase, location, unit)
      ON CONFLICT DO NOTHING
      """;

  private static final PendingWrites.Writer<Element> WRITER = MeterValueRepository::write;

  public void insert(
      PendingWrites writes,
      String chargerId,
      int connectorId,
      Integer transactionId,
      List<Sample> samples,
      String source,
      Instant receivedAt) {
    // A key repeated within one element (measurand, phase and location twice) is stored once, as
    // its first occurrence: the same sample again, as a redelivery would be.
    Map<Instant, Map<String, Sample>> groups = new LinkedHashMap<>();
    for (Sample sample : samples) {
      groups
          .computeIfAbsent(sample.timestamp(), t -> new LinkedHashMap<>())
          .putIfAbsent(sample.key(), sample);
    }
    for (Map<String, Sample> keyed : groups.values()) {
      List<Sample> group = List.copyOf(keyed.values());
      writes.add(
          WRITER,
          new Element(
              chargerId,
              connectorId,
              transactionId,
              group.get(0).timestamp(),
              sampleKeys(group),
              group,
              receivedAt,
              source));
    }
  }

  /**
   * MD5 of the element's distinct sample keys in code-point order, joined by commas: the same value
   * the V5 and V18 migrations computed for the samples stored before them.
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

  private static void write(Connection connection, List<Element> elements) throws SQLException {
    // The same element twice in one batch (a message repeated in it) is one conflict the insert
    // skips, like a redelivery of an element stored before.
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      Jdbc.setTexts(insert, 1, elements, Element::chargerId);
      Jdbc.setIntegers(insert, 2, elements, Element::connectorId);
      Jdbc.setIntegers(insert, 3, elements, Element::transactionId);
      Jdbc.setInstants(insert, 4, elements, Element::timestamp);
      Jdbc.setTexts(insert, 5, elements, e -> e.sampleKeys().toString());
      Jdbc.setInstants(insert, 6, elements, Element::receivedAt);
      Jdbc.setTexts(insert, 7, elements, Element::source);
      Jdbc.setTexts(insert, 8, elements, e -> arrayLiteral(e.samples(), Sample::value));
      Jdbc.setTexts(insert, 9, elements, e -> arrayLiteral(e.samples(), Sample::context));
      Jdbc.setTexts(insert, 10, elements, e -> arrayLiteral(e.samples(), Sample::format));
      Jdbc.setTexts(insert, 11, elements, e -> arrayLiteral(e.samples(), Sample::measurand));
      Jdbc.setTexts(insert, 12, elements, e -> arrayLiteral(e.samples(), Sample::phase));
      Jdbc.setTexts(insert, 13, elements, e -> arrayLiteral(e.samples(), Sample::location));
      Jdbc.setTexts(insert, 14, elements, e -> arrayLiteral(e.samples(), Sample::unit));
      insert.executeUpdate();
    }
  }

  /**
   * One column of the samples as a PostgreSQL array literal ({@code {"a","b",NULL}}): every element
   * quoted, {@code "} and {@code \} escaped with a backslash, null as {@code NULL} (PostgreSQL
   * manual, "Arrays", 8.15.6). Values never hold U+0000: the codec refuses it.
   */
  static String arrayLiteral(List<Sample> samples, Function<Sample, String> column) {
    StringBuilder out = new StringBuilder(12 * samples.size() + 2).append('{');
    for (int i = 0; i < samples.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String value = column.apply(samples.get(i));
      if (value == null) {
        out.append("NULL");
        continue;
      }
      out.append('"');
      for (int c = 0; c < value.length(); c++) {
        char ch = value.charAt(c);
        if (ch == '"' || ch == '\\') {
          out.append('\\');
        }
        out.append(ch);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }
}
