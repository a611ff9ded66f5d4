package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code reservation} table (V4, V12): reservations created through the API and those raw
 * ReserveNow commands sent. Statuses are the words of {@code domain.reservation.ReservationStatus};
 * which transitions are allowed is the caller's to say ({@code from}), so the state machine lives
 * in one place.
 */
public final class ReservationRepository {
  private static final String COLUMNS =
      "charger_id, reservation_id, connector_id, id_tag, parent_id_tag, expiry_date, status,"
          + " command_id, transaction_id, created_at, updated_at";

  /** One row of {@code reservation}. */
  public record Row(
      String chargerId,
      int reservationId,
      int connectorId,
      String idTag,
      Optional<String> parentIdTag,
      Instant expiryDate,
      String status,
      Optional<Long> commandId,
      Optional<Integer> transactionId,
      Instant createdAt,
      Instant updatedAt) {}

  /** A reservation as ReserveNow carries it. */
  public record Reserve(
      int reservationId,
      int connectorId,
      String idTag,
      Optional<String> parentIdTag,
      Instant expiryDate) {}

  /**
   * Records a new reservation {@code status} (pending) with an id from the sequence that no
   * reservation of any charger has (raw ReserveNow commands choose their own). Empty when the
   * charger is unknown.
   */
  public Optional<Row> create(
      Connection connection,
      String chargerId,
      int connectorId,
      String idTag,
      Optional<String> parentIdTag,
      Instant expiryDate,
      String status,
      Instant at) {
    String sql =
        "INSERT INTO reservation ("
            + COLUMNS
            + ") SELECT id, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ? FROM charger WHERE id = ?"
            + " RETURNING "
            + COLUMNS;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setInt(1, unusedId(connection));
      insert.setInt(2, connectorId);
      insert.setString(3, idTag);
      insert.setString(4, parentIdTag.orElse(null));
      Jdbc.setInstant(insert, 5, expiryDate);
      insert.setString(6, status);
      Jdbc.setInstant(insert, 7, at);
      Jdbc.setInstant(insert, 8, at);
      insert.setString(9, chargerId);
      return first(insert);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  private static int unusedId(Connection connection) throws SQLException {
    try (PreparedStatement next =
        connection.prepareStatement(
            "SELECT n FROM (SELECT nextval('reservation_id_seq')::int AS n) s"
                + " WHERE NOT EXISTS (SELECT 1 FROM reservation WHERE reservation_id = s.n)")) {
      while (true) {
        try (ResultSet rs = next.executeQuery()) {
          if (rs.next()) {
            return rs.getInt(1);
          }
        }
      }
    }
  }

  /** The command that carries the reservation's ReserveNow, once recorded. */
  public void setCommand(Connection connection, String chargerId, int reservationId, long id) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE reservation SET command_id = ? WHERE charger_id = ? AND reservation_id = ?"
                + " AND command_id IS NULL")) {
      update.setLong(1, id);
      update.setString(2, chargerId);
      update.setInt(3, reservationId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * The answer to a ReserveNow. A refusal is recorded as a new row, or on an existing row whose
   * status is one of {@code from} (the pending reservation that sent it): a reservation the charger
   * already holds is kept. {@code accepted}: the reservation replaces one with the same id sent by
   * another command (OCPP 1.6 §5.13), whatever its state; the answer to the reservation's own
   * command moves it only from {@code from}, so a transaction that used it before the answer was
   * recorded stays linked.
   */
  public void answered(
      Connection connection,
      String chargerId,
      Reserve reserve,
      String status,
      boolean accepted,
      List<String> from,
      long commandId,
      Instant at) {
    String sql =
        "INSERT INTO reservation ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)"
            + " ON CONFLICT (charger_id, reservation_id) DO UPDATE SET"
            + (accepted
                ? " connector_id = EXCLUDED.connector_id, id_tag = EXCLUDED.id_tag,"
                    + " parent_id_tag = EXCLUDED.parent_id_tag,"
                    + " expiry_date = EXCLUDED.expiry_date, transaction_id = NULL,"
                : "")
            + " status = EXCLUDED.status, command_id = EXCLUDED.command_id,"
            + " updated_at = EXCLUDED.updated_at"
            + (accepted
                ? " WHERE (reservation.command_id IS DISTINCT FROM EXCLUDED.command_id"
                    + " OR reservation.status = ANY(?))"
                : " WHERE reservation.status = ANY(?)");
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, chargerId);
      insert.setInt(2, reserve.reservationId());
      insert.setInt(3, reserve.connectorId());
      insert.setString(4, reserve.idTag());
      insert.setString(5, reserve.parentIdTag().orElse(null));
      Jdbc.setInstant(insert, 6, reserve.expiryDate());
      insert.setString(7, status);
      insert.setLong(8, commandId);
      Jdbc.setInstant(insert, 9, at);
      Jdbc.setInstant(insert, 10, at);
      insert.setArray(11, connection.createArrayOf("text", from.toArray()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Moves a reservation of the charger to {@code status} if its status is one of {@code from}; with
   * a command, that command becomes the reservation's latest; with a transaction, it is the one
   * that used it. Whether it moved.
   */
  public boolean move(
      Connection connection,
      String chargerId,
      int reservationId,
      String status,
      List<String> from,
      Optional<Long> commandId,
      Optional<Integer> transactionId,
      Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE reservation SET status = ?, command_id = COALESCE(?, command_id),"
                + " transaction_id = COALESCE(?, transaction_id), updated_at = ?"
                + " WHERE charger_id = ? AND reservation_id = ? AND status = ANY(?)")) {
      update.setString(1, status);
      if (commandId.isPresent()) {
        update.setLong(2, commandId.get());
      } else {
        update.setNull(2, Types.BIGINT);
      }
      Jdbc.setInteger(update, 3, transactionId.orElse(null));
      Jdbc.setInstant(update, 4, at);
      update.setString(5, chargerId);
      update.setInt(6, reservationId);
      update.setArray(7, connection.createArrayOf("text", from.toArray()));
      return update.executeUpdate() > 0;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Every reservation whose status is one of {@code from} and whose expiry is at or before now. */
  public List<Row> expire(Connection connection, Instant now, String status, List<String> from) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE reservation SET status = ?, updated_at = ?"
                + " WHERE status = ANY(?) AND expiry_date <= ? RETURNING "
                + COLUMNS)) {
      update.setString(1, status);
      Jdbc.setInstant(update, 2, now);
      update.setArray(3, connection.createArrayOf("text", from.toArray()));
      Jdbc.setInstant(update, 4, now);
      return all(update);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** The charger's reservations whose status is one of {@code statuses}. */
  public List<Row> withStatus(Connection connection, String chargerId, List<String> statuses) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM reservation WHERE charger_id = ? AND status = ANY(?)")) {
      query.setString(1, chargerId);
      query.setArray(2, connection.createArrayOf("text", statuses.toArray()));
      return all(query);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * The reservation with that id. Ids from the API are unique; a raw ReserveNow may reuse one on
   * another charger: then the latest updated.
   */
  public Optional<Row> find(Connection connection, int reservationId) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM reservation WHERE reservation_id = ?"
                + " ORDER BY updated_at DESC LIMIT 1")) {
      query.setInt(1, reservationId);
      return first(query);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** The reservation of that charger with that id. */
  public Optional<Row> find(Connection connection, String chargerId, int reservationId) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM reservation WHERE charger_id = ? AND reservation_id = ?")) {
      query.setString(1, chargerId);
      query.setInt(2, reservationId);
      return first(query);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Newest (highest id) first, after the position {@code (beforeId, beforeCharger)} of a previous
   * page's last row; at most {@code limit}.
   */
  public List<Row> list(
      Connection connection,
      Optional<String> chargerId,
      Optional<String> status,
      Optional<Integer> beforeId,
      Optional<String> beforeCharger,
      int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM reservation WHERE (?::text IS NULL OR charger_id = ?)"
            + " AND (?::text IS NULL OR status = ?)"
            + " AND (?::int IS NULL OR (reservation_id, charger_id) < (?, ?))"
            + " ORDER BY reservation_id DESC, charger_id DESC LIMIT ?";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, chargerId.orElse(null));
      query.setString(2, chargerId.orElse(null));
      query.setString(3, status.orElse(null));
      query.setString(4, status.orElse(null));
      Jdbc.setInteger(query, 5, beforeId.orElse(null));
      Jdbc.setInteger(query, 6, beforeId.orElse(null));
      query.setString(7, beforeCharger.orElse(""));
      query.setInt(8, limit);
      return all(query);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** The charger's reservations, by id. */
  public List<Row> ofCharger(Connection connection, String chargerId) {
    try {
      return Jdbc.listForCharger(
          connection,
          "SELECT " + COLUMNS + " FROM reservation WHERE charger_id = ? ORDER BY reservation_id",
          chargerId,
          ReservationRepository::row);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  private static Optional<Row> first(PreparedStatement statement) throws SQLException {
    List<Row> rows = all(statement);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  private static List<Row> all(PreparedStatement statement) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        rows.add(row(rs));
      }
    }
    return rows;
  }

  private static Row row(ResultSet rs) throws SQLException {
    long command = rs.getLong("command_id");
    Optional<Long> commandId = rs.wasNull() ? Optional.empty() : Optional.of(command);
    int transaction = rs.getInt("transaction_id");
    Optional<Integer> transactionId = rs.wasNull() ? Optional.empty() : Optional.of(transaction);
    return new Row(
        rs.getString("charger_id"),
        rs.getInt("reservation_id"),
        rs.getInt("connector_id"),
        rs.getString("id_tag"),
        Optional.ofNullable(rs.getString("parent_id_tag")),
        Jdbc.instant(rs, "expiry_date").orElseThrow(),
        rs.getString("status"),
        commandId,
        transactionId,
        Jdbc.instant(rs, "created_at").orElseThrow(),
        Jdbc.instant(rs, "updated_at").orElseThrow());
  }
}
