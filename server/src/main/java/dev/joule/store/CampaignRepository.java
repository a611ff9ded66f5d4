package dev.joule.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code campaign} and {@code campaign_charger} tables (migration V15). States and statuses are
 * the words of {@code domain.campaign}; which transitions are allowed is the caller's to say
 * ({@code from}), so the state machines live in one place and a race (a notification against a
 * timeout, a cancel against a claim) resolves in the database: the UPDATE that commits first wins,
 * the other matches no row.
 */
public final class CampaignRepository {
  private static final String CAMPAIGN_COLUMNS =
      "id, kind, payload::text AS payload, concurrency, charger_timeout_s, offline_retry_s,"
          + " not_before, status, created_at, updated_at, finished_at";

  private static final String CHARGER_COLUMNS =
      "campaign_id, charger_id, position, state, last_status, error, command_id, request_id,"
          + " attempts, turn_at, next_try_at, sent_at, deadline_at, finished_at, updated_at";

  /** One row of {@code campaign}. */
  public record CampaignRow(
      long id,
      String kind,
      String payload,
      int concurrency,
      int chargerTimeoutSeconds,
      int offlineRetrySeconds,
      Instant notBefore,
      String status,
      Instant createdAt,
      Instant updatedAt,
      Optional<Instant> finishedAt) {}

  /** One row of {@code campaign_charger}. */
  public record ChargerRow(
      long campaignId,
      String chargerId,
      int position,
      String state,
      Optional<String> lastStatus,
      Optional<String> error,
      Optional<Long> commandId,
      Optional<Integer> requestId,
      int attempts,
      Optional<Instant> turnAt,
      Optional<Instant> nextTryAt,
      Optional<Instant> sentAt,
      Optional<Instant> deadlineAt,
      Optional<Instant> finishedAt,
      Instant updatedAt) {}

  /** What a campaign is created with. */
  public record NewCampaign(
      String kind,
      String payload,
      int concurrency,
      int chargerTimeoutSeconds,
      int offlineRetrySeconds,
      Instant notBefore,
      String status) {}

  public CampaignRow insert(Connection connection, NewCampaign campaign, Instant at) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO campaign (kind, payload, concurrency, charger_timeout_s, offline_retry_s,"
                + " not_before, status, created_at, updated_at)"
                + " VALUES (?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                + CAMPAIGN_COLUMNS)) {
      insert.setString(1, campaign.kind());
      insert.setString(2, campaign.payload());
      insert.setInt(3, campaign.concurrency());
      insert.setInt(4, campaign.chargerTimeoutSeconds());
      insert.setInt(5, campaign.offlineRetrySeconds());
      Jdbc.setInstant(insert, 6, campaign.notBefore());
      insert.setString(7, campaign.status());
      Jdbc.setInstant(insert, 8, at);
      Jdbc.setInstant(insert, 9, at);
      return campaigns(insert).getFirst();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Adds the chargers in this order (their turn order), each {@code state}; ids no charger has are
   * skipped. How many were added.
   */
  public int addChargers(
      Connection connection, long campaignId, List<String> chargerIds, String state, Instant at) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO campaign_charger (campaign_id, charger_id, position, state, updated_at)"
                + " SELECT ?, c.id, t.ord, ?, ? FROM unnest(?::text[]) WITH ORDINALITY AS t(id, ord)"
                + " JOIN charger c ON c.id = t.id ON CONFLICT DO NOTHING")) {
      insert.setLong(1, campaignId);
      insert.setString(2, state);
      Jdbc.setInstant(insert, 3, at);
      insert.setArray(4, connection.createArrayOf("text", chargerIds.toArray()));
      return insert.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public Optional<CampaignRow> find(Connection connection, long id) {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign WHERE id = ?")) {
      query.setLong(1, id);
      List<CampaignRow> rows = campaigns(query);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Newest first, below {@code beforeId}; at most {@code limit}. */
  public List<CampaignRow> list(
      Connection connection,
      Optional<String> status,
      Optional<String> kind,
      Optional<Long> beforeId,
      int limit) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + CAMPAIGN_COLUMNS
                + " FROM campaign WHERE (?::text IS NULL OR status = ?)"
                + " AND (?::text IS NULL OR kind = ?) AND (?::bigint IS NULL OR id < ?)"
                + " ORDER BY id DESC LIMIT ?")) {
      query.setString(1, status.orElse(null));
      query.setString(2, status.orElse(null));
      query.setString(3, kind.orElse(null));
      query.setString(4, kind.orElse(null));
      setLong(query, 5, beforeId);
      setLong(query, 6, beforeId);
      query.setInt(7, limit);
      return campaigns(query);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** How many chargers of each campaign are in each state. */
  public Map<Long, Map<String, Integer>> totals(Connection connection, List<Long> campaignIds) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT campaign_id, state, count(*) FROM campaign_charger"
                + " WHERE campaign_id = ANY(?) GROUP BY campaign_id, state")) {
      query.setArray(1, connection.createArrayOf("int8", campaignIds.toArray()));
      Map<Long, Map<String, Integer>> totals = new HashMap<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          totals
              .computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>())
              .put(rs.getString(2), rs.getInt(3));
        }
      }
      return totals;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** The campaign's chargers in turn order after {@code afterPosition}; at most {@code limit}. */
  public List<ChargerRow> chargers(
      Connection connection,
      long campaignId,
      Optional<String> state,
      Optional<Integer> afterPosition,
      int limit) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + CHARGER_COLUMNS
                + " FROM campaign_charger WHERE campaign_id = ? AND (?::text IS NULL OR state = ?)"
                + " AND position > ? ORDER BY position LIMIT ?")) {
      query.setLong(1, campaignId);
      query.setString(2, state.orElse(null));
      query.setString(3, state.orElse(null));
      query.setInt(4, afterPosition.orElse(0));
      query.setInt(5, limit);
      return chargerRows(query);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Moves the campaign to {@code status} if it is in one of {@code from}; {@code finished} also
   * sets its finish time. Whether it moved.
   */
  public boolean move(
      Connection connection,
      long id,
      String status,
      List<String> from,
      boolean finished,
      Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE campaign SET status = ?, updated_at = ?,"
                + " finished_at = CASE WHEN ? THEN ? ELSE finished_at END"
                + " WHERE id = ? AND status = ANY(?)")) {
      update.setString(1, status);
      Jdbc.setInstant(update, 2, at);
      update.setBoolean(3, finished);
      Jdbc.setInstant(update, 4, at);
      update.setLong(5, id);
      update.setArray(6, connection.createArrayOf("text", from.toArray()));
      return update.executeUpdate() > 0;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** Every charger of the campaign in one of {@code from} becomes {@code state}, finished. */
  public int moveAll(
      Connection connection, long campaignId, String state, List<String> from, Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE campaign_charger SET state = ?, updated_at = ?, finished_at = ?"
                + " WHERE campaign_id = ? AND state = ANY(?)")) {
      update.setString(1, state);
      Jdbc.setInstant(update, 2, at);
      Jdbc.setInstant(update, 3, at);
      update.setLong(4, campaignId);
      update.setArray(5, connection.createArrayOf("text", from.toArray()));
      return update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** The ids of the campaigns in one of {@code statuses}, oldest first. */
  public List<Long> withStatus(Connection connection, List<String> statuses) {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id FROM campaign WHERE status = ANY(?) ORDER BY id")) {
      query.setArray(1, connection.createArrayOf("text", statuses.toArray()));
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Locks the campaign if it is {@code status} and no other transaction holds it (another node
   * driving it right now): then empty, and the caller leaves it alone this round.
   */
  public Optional<CampaignRow> lock(Connection connection, long id, String status) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT "
                + CAMPAIGN_COLUMNS
                + " FROM campaign WHERE id = ? AND status = ? FOR UPDATE SKIP LOCKED")) {
      query.setLong(1, id);
      query.setString(2, status);
      List<CampaignRow> rows = campaigns(query);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  public int count(Connection connection, long campaignId, List<String> states) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT count(*) FROM campaign_charger WHERE campaign_id = ? AND state = ANY(?)")) {
      query.setLong(1, campaignId);
      query.setArray(2, connection.createArrayOf("text", states.toArray()));
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** A charger whose turn came: its command goes out with this requestId, if the kind has one. */
  public record Claimed(String chargerId, Optional<Integer> requestId) {}

  /**
   * Takes the next {@code limit} chargers in turn order that are {@code pending} and due (never
   * tried, or their retry time came), and that have no command of a {@code conflictingKinds}
   * campaign in flight ({@code inFlight}): they become {@code sent}. A charger's deadline is set at
   * its first turn: the later of now and the campaign's not_before, plus its timeout. With {@code
   * requestIds} each gets a fresh requestId. Rows another transaction holds are skipped.
   */
  public List<Claimed> claim(
      Connection connection,
      long campaignId,
      int limit,
      String pending,
      String sent,
      List<String> inFlight,
      List<String> conflictingKinds,
      boolean requestIds,
      Instant now) {
    String sql =
        "UPDATE campaign_charger cc SET state = ?, attempts = cc.attempts + 1, sent_at = ?,"
            + " turn_at = COALESCE(cc.turn_at, ?), next_try_at = NULL, command_id = NULL,"
            + " deadline_at = COALESCE(cc.deadline_at, GREATEST(?, c.not_before)"
            + " + c.charger_timeout_s * INTERVAL '1 second'),"
            + " request_id = CASE WHEN ? THEN nextval('campaign_request_id_seq')::int END,"
            + " updated_at = ?"
            + " FROM campaign c WHERE c.id = cc.campaign_id AND (cc.campaign_id, cc.charger_id) IN"
            + " (SELECT p.campaign_id, p.charger_id FROM campaign_charger p"
            + " WHERE p.campaign_id = ? AND p.state = ? AND (p.next_try_at IS NULL"
            + " OR p.next_try_at <= ?) AND NOT EXISTS (SELECT 1 FROM campaign_charger o"
            + " JOIN campaign oc ON oc.id = o.campaign_id WHERE o.charger_id = p.charger_id"
            + " AND o.state = ANY(?) AND oc.kind = ANY(?))"
            + " ORDER BY p.position LIMIT ? FOR UPDATE OF p SKIP LOCKED)"
            + " RETURNING cc.charger_id, cc.request_id, cc.position";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, sent);
      Jdbc.setInstant(update, 2, now);
      Jdbc.setInstant(update, 3, now);
      Jdbc.setInstant(update, 4, now);
      update.setBoolean(5, requestIds);
      Jdbc.setInstant(update, 6, now);
      update.setLong(7, campaignId);
      update.setString(8, pending);
      Jdbc.setInstant(update, 9, now);
      update.setArray(10, connection.createArrayOf("text", inFlight.toArray()));
      update.setArray(11, connection.createArrayOf("text", conflictingKinds.toArray()));
      update.setInt(12, limit);
      record Turn(int position, Claimed claimed) {}
      List<Turn> turns = new ArrayList<>();
      try (ResultSet rs = update.executeQuery()) {
        while (rs.next()) {
          int requestId = rs.getInt(2);
          Optional<Integer> request = rs.wasNull() ? Optional.empty() : Optional.of(requestId);
          turns.add(new Turn(rs.getInt(3), new Claimed(rs.getString(1), request)));
        }
      }
      turns.sort(java.util.Comparator.comparingInt(Turn::position));
      return turns.stream().map(Turn::claimed).toList();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** The command that carries the charger's turn, once recorded. */
  public void setCommand(Connection connection, long campaignId, String chargerId, long commandId) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE campaign_charger SET command_id = ? WHERE campaign_id = ? AND charger_id = ?"
                + " AND command_id IS NULL")) {
      update.setLong(1, commandId);
      update.setLong(2, campaignId);
      update.setString(3, chargerId);
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Moves one charger to {@code state} if it is in one of {@code from}: with {@code error} why,
   * with {@code nextTryAt} when it is tried again, {@code finished} also sets its finish time.
   * Whether it moved.
   */
  public boolean moveCharger(
      Connection connection,
      long campaignId,
      String chargerId,
      String state,
      List<String> from,
      Optional<String> error,
      Optional<Instant> nextTryAt,
      boolean finished,
      Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE campaign_charger SET state = ?, error = COALESCE(?, error),"
                + " next_try_at = ?, updated_at = ?,"
                + " finished_at = CASE WHEN ? THEN ? ELSE finished_at END"
                + " WHERE campaign_id = ? AND charger_id = ? AND state = ANY(?)")) {
      update.setString(1, state);
      update.setString(2, error.orElse(null));
      Jdbc.setInstant(update, 3, nextTryAt.orElse(null));
      Jdbc.setInstant(update, 4, at);
      update.setBoolean(5, finished);
      Jdbc.setInstant(update, 6, at);
      update.setLong(7, campaignId);
      update.setString(8, chargerId);
      update.setArray(9, connection.createArrayOf("text", from.toArray()));
      return update.executeUpdate() > 0;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Chargers in one of {@code from} whose deadline passed become {@code state} (timed out),
   * finished; rows another transaction holds (a notification being recorded) are left for the next
   * round. The chargers moved, as (campaign, charger).
   */
  public List<ChargerRow> expire(
      Connection connection, String state, List<String> from, String error, Instant now) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE campaign_charger SET state = ?, error = ?, updated_at = ?, finished_at = ?"
                + " WHERE (campaign_id, charger_id) IN (SELECT campaign_id, charger_id"
                + " FROM campaign_charger WHERE state = ANY(?) AND deadline_at <= ?"
                + " FOR UPDATE SKIP LOCKED) RETURNING "
                + CHARGER_COLUMNS)) {
      update.setString(1, state);
      update.setString(2, error);
      Jdbc.setInstant(update, 3, now);
      Jdbc.setInstant(update, 4, now);
      update.setArray(5, connection.createArrayOf("text", from.toArray()));
      Jdbc.setInstant(update, 6, now);
      return chargerRows(update);
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** A charger in {@code sent} whose command is final and not accepted. */
  public record Answered(
      long campaignId,
      String chargerId,
      long commandId,
      String commandStatus,
      Optional<String> errorCode,
      Optional<String> responseStatus) {}

  /** The chargers in {@code state} whose command ended in one of {@code commandStatuses}. */
  public List<Answered> answered(
      Connection connection, String state, List<String> commandStatuses) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT cc.campaign_id, cc.charger_id, c.id, c.status, c.error_code,"
                + " c.response ->> 'status' FROM campaign_charger cc"
                + " JOIN command c ON c.id = cc.command_id"
                + " WHERE cc.state = ? AND c.status = ANY(?)")) {
      query.setString(1, state);
      query.setArray(2, connection.createArrayOf("text", commandStatuses.toArray()));
      List<Answered> rows = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Answered(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  Optional.ofNullable(rs.getString(5)),
                  Optional.ofNullable(rs.getString(6))));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /**
   * Campaigns {@code running} with no charger left in one of {@code open} become {@code completed},
   * finished now. Their ids.
   */
  public List<Long> complete(
      Connection connection, String running, String completed, List<String> open, Instant now) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE campaign c SET status = ?, updated_at = ?, finished_at = ?"
                + " WHERE c.status = ? AND NOT EXISTS (SELECT 1 FROM campaign_charger cc"
                + " WHERE cc.campaign_id = c.id AND cc.state = ANY(?)) RETURNING c.id")) {
      update.setString(1, completed);
      Jdbc.setInstant(update, 2, now);
      Jdbc.setInstant(update, 3, now);
      update.setString(4, running);
      update.setArray(5, connection.createArrayOf("text", open.toArray()));
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = update.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
    }
  }

  /** A campaign row a notification moved: the campaign and the state it is in now. */
  public record Moved(long campaignId, String state) {}

  /**
   * A charger's notification: its rows in one of {@code from} of a campaign of {@code kind} (with
   * {@code requestId}, only the row that sent it) record {@code status} and, with {@code target},
   * move to it; {@code finished} also sets the finish time. The rows that changed.
   */
  public List<Moved> notified(
      Connection connection,
      String chargerId,
      String kind,
      Optional<Integer> requestId,
      Optional<String> target,
      List<String> from,
      String status,
      boolean finished,
      Instant at) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE campaign_charger cc SET state = COALESCE(?, cc.state), last_status = ?,"
                + " updated_at = ?, finished_at = CASE WHEN ? THEN ? ELSE cc.finished_at END"
                + " FROM campaign c WHERE c.id = cc.campaign_id AND cc.charger_id = ?"
                + " AND c.kind = ? AND cc.state = ANY(?)"
                + " AND (?::int IS NULL OR cc.request_id = ?)"
                + " RETURNING cc.campaign_id, cc.state")) {
      update.setString(1, target.orElse(null));
      update.setString(2, status);
      Jdbc.setInstant(update, 3, at);
      update.setBoolean(4, finished);
      Jdbc.setInstant(update, 5, at);
      update.setString(6, chargerId);
      update.setString(7, kind);
      update.setArray(8, connection.createArrayOf("text", from.toArray()));
      Jdbc.setInteger(update, 9, requestId.orElse(null));
      Jdbc.setInteger(update, 10, requestId.orElse(null));
      List<Moved> moved = new ArrayList<>();
      try (ResultSet rs = update.executeQuery()) {
        while (rs.next()) {
          moved.add(new Moved(rs.getLong(1), rs.getString(2)));
        }
      }
      return moved;
    } catch (SQLException e) {
      throw SqlFailures.unchecked(e);
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

  private static List<CampaignRow> campaigns(PreparedStatement statement) throws SQLException {
    List<CampaignRow> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new CampaignRow(
                rs.getLong("id"),
                rs.getString("kind"),
                rs.getString("payload"),
                rs.getInt("concurrency"),
                rs.getInt("charger_timeout_s"),
                rs.getInt("offline_retry_s"),
                Jdbc.instant(rs, "not_before").orElseThrow(),
                rs.getString("status"),
                Jdbc.instant(rs, "created_at").orElseThrow(),
                Jdbc.instant(rs, "updated_at").orElseThrow(),
                Jdbc.instant(rs, "finished_at")));
      }
    }
    return rows;
  }

  private static List<ChargerRow> chargerRows(PreparedStatement statement) throws SQLException {
    List<ChargerRow> rows = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        long command = rs.getLong("command_id");
        Optional<Long> commandId = rs.wasNull() ? Optional.empty() : Optional.of(command);
        int request = rs.getInt("request_id");
        Optional<Integer> requestId = rs.wasNull() ? Optional.empty() : Optional.of(request);
        rows.add(
            new ChargerRow(
                rs.getLong("campaign_id"),
                rs.getString("charger_id"),
                rs.getInt("position"),
                rs.getString("state"),
                Optional.ofNullable(rs.getString("last_status")),
                Optional.ofNullable(rs.getString("error")),
                commandId,
                requestId,
                rs.getInt("attempts"),
                Jdbc.instant(rs, "turn_at"),
                Jdbc.instant(rs, "next_try_at"),
                Jdbc.instant(rs, "sent_at"),
                Jdbc.instant(rs, "deadline_at"),
                Jdbc.instant(rs, "finished_at"),
                Jdbc.instant(rs, "updated_at").orElseThrow()));
      }
    }
    return rows;
  }
}
