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

/** Operator commands (table {@code command}) and the configuration chargers reported. */
public final class CommandRepository {
  private static final String COLUMNS =
      "id, charger_id, action, payload::text AS payload, status, queued_at, sent_at,"
          + " completed_at, response::text AS response, error_code, error_description,"
          + " transaction_id";

  /** One row of {@code command}. Statuses are the API's lower-case names. */
  public record Row(
      long id,
      String chargerId,
      String action,
      String payloadJson,
      String status,
      Instant queuedAt,
      Optional<Instant> sentAt,
      Optional<Instant> completedAt,
      Optional<String> responseJson,
      Optional<String> errorCode,
      Optional<String> errorDescription,
      Optional<Integer> transactionId) {}

  /** Records a queued command; empty when the charger is not known. */
  public Optional<Row> insert(
      Connection connection,
      String chargerId,
      String action,
      String payloadJson,
      String status,
      Instant at) {
    String sql =
        "INSERT INTO command (charger_id, action, payload, status, queued_at)"
            + " SELECT id, ?, ?::jsonb, ?, ? FROM charger WHERE id = ? RETURNING "
            + COLUMNS;
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, action);
      insert.setString(2, payloadJson);
      insert.setString(3, status);
      Jdbc.setInstant(insert, 4, at);
      insert.setString(5, chargerId);
      try (ResultSet rs = insert.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** queued -> sent; false when the command had already moved on. */
  public boolean markSent(Connection connection, long id, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE command SET status = 'sent', sent_at = ? WHERE id = ? AND status = 'queued'")) {
      Jdbc.setInstant(update, 1, at);
      update.setLong(2, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** A sent command goes back to queued (it was not sent after all); false if it was not sent. */
  public boolean markQueued(Connection connection, long id) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE command SET status = 'queued', sent_at = NULL WHERE id = ? AND status = 'sent'")) {
      update.setLong(1, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Records the final status of a command still queued or sent; empty when it was already final.
   * {@code sentAt} is kept if already set.
   */
  public Optional<Row> complete(
      Connection connection,
      long id,
      String status,
      Optional<Instant> sentAt,
      Instant at,
      Optional<String> responseJson,
      Optional<String> errorCode,
      Optional<String> errorDescription) {
    String sql =
        "UPDATE command SET status = ?, sent_at = COALESCE(sent_at, ?), completed_at = ?,"
            + " response = ?::jsonb, error_code = ?, error_description = ?"
            + " WHERE id = ? AND status IN ('queued', 'sent') RETURNING "
            + COLUMNS;
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, status);
      Jdbc.setInstant(update, 2, sentAt.orElse(null));
      Jdbc.setInstant(update, 3, at);
      setText(update, 4, responseJson);
      setText(update, 5, errorCode);
      setText(update, 6, errorDescription);
      update.setLong(7, id);
      try (ResultSet rs = update.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Every command still queued or sent becomes {@code status} with this error; returns how many.
   */
  public int completeAllPending(
      Connection connection, String status, String errorCode, String description, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE command SET status = ?, completed_at = ?, error_code = ?,"
                + " error_description = ? WHERE status IN ('queued', 'sent')")) {
      update.setString(1, status);
      Jdbc.setInstant(update, 2, at);
      update.setString(3, errorCode);
      update.setString(4, description);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public Optional<Row> find(Connection connection, long id) {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM command WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Newest first, at most {@code limit}, with ids below {@code beforeId} when given. */
  public List<Row> list(
      Connection connection,
      Optional<String> chargerId,
      Optional<String> status,
      Optional<Long> beforeId,
      int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM command WHERE (?::text IS NULL OR charger_id = ?)"
            + " AND (?::text IS NULL OR status = ?) AND (?::bigint IS NULL OR id < ?)"
            + " ORDER BY id DESC LIMIT ?";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      setText(query, 1, chargerId);
      setText(query, 2, chargerId);
      setText(query, 3, status);
      setText(query, 4, status);
      setLong(query, 5, beforeId);
      setLong(query, 6, beforeId);
      query.setInt(7, limit);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Links {@code transactionId} to the oldest unlinked RemoteStartTransaction of the charger for
   * this idTag (case-insensitive) and connector (or none given), sent or accepted, queued since
   * {@code since}; returns the command's id. Links nothing if the transaction is already linked.
   */
  public Optional<Long> linkRemoteStart(
      Connection connection,
      String chargerId,
      String idTag,
      int connectorId,
      int transactionId,
      Instant since) {
    String sql =
        """
        UPDATE command SET transaction_id = ? WHERE id = (
          SELECT id FROM command
          WHERE charger_id = ? AND action = 'RemoteStartTransaction' AND transaction_id IS NULL
            AND status IN ('sent', 'accepted') AND queued_at >= ?
            AND lower(payload->>'idTag') = lower(?)
            AND (payload->>'connectorId' IS NULL OR (payload->>'connectorId')::int = ?)
            AND NOT EXISTS (SELECT 1 FROM command linked WHERE linked.charger_id = ?
              AND linked.action = 'RemoteStartTransaction' AND linked.transaction_id = ?)
          ORDER BY id LIMIT 1 FOR UPDATE)
        RETURNING id
        """;
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setInt(1, transactionId);
      update.setString(2, chargerId);
      Jdbc.setInstant(update, 3, since);
      update.setString(4, idTag);
      update.setInt(5, connectorId);
      update.setString(6, chargerId);
      update.setInt(7, transactionId);
      try (ResultSet rs = update.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Links a command to the transaction it acted on (RemoteStopTransaction), if it is the charger's.
   */
  public void linkTransaction(Connection connection, long commandId, int transactionId) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE command SET transaction_id = ? WHERE id = ? AND EXISTS (SELECT 1 FROM"
                + " charge_transaction t WHERE t.id = ? AND t.charger_id = command.charger_id)")) {
      update.setInt(1, transactionId);
      update.setLong(2, commandId);
      update.setInt(3, transactionId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Records a configuration key as the charger reported or accepted it. */
  public void putConfiguration(
      Connection connection,
      String chargerId,
      String key,
      Optional<String> value,
      Optional<Boolean> readonly,
      Instant at) {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO charger_configuration (charger_id, key, value, readonly, reported_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (charger_id, key) DO UPDATE SET"
                + " value = EXCLUDED.value,"
                + " readonly = COALESCE(EXCLUDED.readonly, charger_configuration.readonly),"
                + " reported_at = EXCLUDED.reported_at")) {
      upsert.setString(1, chargerId);
      upsert.setString(2, key);
      setText(upsert, 3, value);
      if (readonly.isPresent()) {
        upsert.setBoolean(4, readonly.get());
      } else {
        upsert.setNull(4, Types.BOOLEAN);
      }
      Jdbc.setInstant(upsert, 5, at);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  private static void setText(PreparedStatement statement, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setString(index, value.get());
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }

  private static void setLong(PreparedStatement statement, int index, Optional<Long> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  /** A notification linked to a command (migration V10). */
  public record NotificationRow(
      String action, String status, Optional<Integer> requestId, Instant receivedAt) {}

  /**
   * The LogStatus/SignedFirmwareStatus notifications linked to command {@code id}, oldest first.
   */
  public List<NotificationRow> notifications(Connection connection, long id) {
    List<NotificationRow> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT action, status, request_id, received_at FROM command_notification"
                + " WHERE command_id = ? ORDER BY received_at, id")) {
      select.setLong(1, id);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new NotificationRow(
                  rs.getString("action"),
                  rs.getString("status"),
                  Optional.ofNullable(rs.getObject("request_id", Integer.class)),
                  rs.getTimestamp("received_at").toInstant()));
        }
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
    return rows;
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("charger_id"),
        rs.getString("action"),
        rs.getString("payload"),
        rs.getString("status"),
        Jdbc.instant(rs, "queued_at").orElseThrow(),
        Jdbc.instant(rs, "sent_at"),
        Jdbc.instant(rs, "completed_at"),
        Optional.ofNullable(rs.getString("response")),
        Optional.ofNullable(rs.getString("error_code")),
        Optional.ofNullable(rs.getString("error_description")),
        Optional.ofNullable(rs.getObject("transaction_id", Integer.class)));
  }
}
