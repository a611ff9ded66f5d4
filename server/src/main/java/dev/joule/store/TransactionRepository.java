package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Charge sessions: start (deduplicated by content), stop (idempotent), orphan stops. */
public final class TransactionRepository {

  /** A StartTransaction as stored. */
  public record Start(
      int connectorId,
      String idTag,
      int meterStart,
      Instant timestamp,
      Integer reservationId,
      String status) {}

  /** A StopTransaction as stored. */
  public record Stop(
      int transactionId, String idTag, int meterStop, Instant timestamp, String reason) {}

  /** A recorded start: its transaction id, and whether this call created it. */
  public record Started(int transactionId, boolean created) {}

  /**
   * A recorded stop: the transaction's connector (empty: unknown transaction), and whether this
   * call stopped it (false: it was stopped before, or is unknown).
   */
  public record Stopped(OptionalInt connectorId, boolean stoppedNow) {}

  /** A transaction not stopped: its charger's start timestamp and when Joule received it. */
  public record Active(int transactionId, Instant startTimestamp, Instant receivedAt) {}

  /** The newest transaction not stopped on the charger's connector. */
  public Optional<Active> active(Connection connection, String chargerId, int connectorId) {
    try (PreparedStatement select =
        connection.prepareStatement(
            """
            SELECT id, start_timestamp, started_received_at FROM charge_transaction
            WHERE charger_id = ? AND connector_id = ? AND stop_timestamp IS NULL
            ORDER BY id DESC LIMIT 1
            """)) {
      select.setString(1, chargerId);
      select.setInt(2, connectorId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Active(
                row.getInt(1),
                Jdbc.instant(row, "start_timestamp").orElseThrow(),
                Jdbc.instant(row, "started_received_at").orElseThrow()));
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Records the start and returns its transaction id; a start with the same content (charger,
   * connector, idTag, meterStart, timestamp) returns the id given the first time (rule 4).
   */
  public Started start(Connection connection, String chargerId, Start start, Instant receivedAt) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO charge_transaction (charger_id, connector_id, id_tag, meter_start,
                start_timestamp, reservation_id, start_status, started_received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (charger_id, connector_id, id_tag, meter_start, start_timestamp)
            DO UPDATE SET id_tag = excluded.id_tag
            RETURNING id, (xmax = 0) AS created
            """)) {
      insert.setString(1, chargerId);
      insert.setInt(2, start.connectorId());
      insert.setString(3, start.idTag());
      insert.setInt(4, start.meterStart());
      Jdbc.setInstant(insert, 5, start.timestamp());
      Jdbc.setInteger(insert, 6, start.reservationId());
      insert.setString(7, start.status());
      Jdbc.setInstant(insert, 8, receivedAt);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return new Started(row.getInt(1), row.getBoolean(2));
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Records the stop of a known transaction of this charger; a repeated stop changes nothing. Says
   * the transaction's connector, empty when the transaction is not known (the caller records an
   * orphan stop).
   */
  public Stopped stop(Connection connection, String chargerId, Stop stop, Instant receivedAt) {
    try (PreparedStatement update =
        connection.prepareStatement(
            """
            UPDATE charge_transaction SET meter_stop = ?, stop_timestamp = ?, stop_reason = ?,
                stop_id_tag = ?, stopped_received_at = ?
            WHERE id = ? AND charger_id = ? AND stop_timestamp IS NULL
            RETURNING connector_id
            """)) {
      update.setInt(1, stop.meterStop());
      Jdbc.setInstant(update, 2, stop.timestamp());
      update.setString(3, stop.reason());
      update.setString(4, stop.idTag());
      Jdbc.setInstant(update, 5, receivedAt);
      update.setInt(6, stop.transactionId());
      update.setString(7, chargerId);
      try (ResultSet row = update.executeQuery()) {
        if (row.next()) {
          return new Stopped(OptionalInt.of(row.getInt(1)), true);
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
    // stopped before, or unknown
    return new Stopped(connectorOf(connection, chargerId, stop.transactionId()), false);
  }

  private OptionalInt connectorOf(Connection connection, String chargerId, int transactionId) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT connector_id FROM charge_transaction WHERE id = ? AND charger_id = ?")) {
      query.setInt(1, transactionId);
      query.setString(2, chargerId);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Keeps a stop for a transaction Joule does not know; a repeated one is kept once. */
  public void orphanStop(
      Connection connection, String chargerId, Stop stop, String payload, Instant receivedAt) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            """
            INSERT INTO orphan_stop (charger_id, transaction_id, id_tag, meter_stop,
                stop_timestamp, reason, payload, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (charger_id, transaction_id, meter_stop, stop_timestamp) DO NOTHING
            """)) {
      insert.setString(1, chargerId);
      insert.setInt(2, stop.transactionId());
      insert.setString(3, stop.idTag());
      insert.setInt(4, stop.meterStop());
      Jdbc.setInstant(insert, 5, stop.timestamp());
      insert.setString(6, stop.reason());
      insert.setString(7, payload);
      Jdbc.setInstant(insert, 8, receivedAt);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }
}
