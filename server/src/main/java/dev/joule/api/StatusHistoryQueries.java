package dev.joule.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the StatusNotifications a charger sent, newest first. */
final class StatusHistoryQueries {
  static final String LIST = "status-history";

  private final Database database;

  StatusHistoryQueries(Database database) {
    this.database = database;
  }

  /**
   * The history of charger {@code id}, optionally of one connector, ordered by receive time then
   * id, newest first; the cursor carries both. 404 if the charger is unknown.
   */
  Page<StatusChangeView> history(String id, Optional<Integer> connectorId, PageRequest page) {
    Select select =
        new Select(
                "SELECT id, connector_id, status, error_code, info, vendor_id, vendor_error_code,"
                    + " charger_timestamp, received_at FROM connector_status_history")
            .where("charger_id = ?", id)
            .orderBy("received_at DESC, id DESC")
            .pageOf(page);
    connectorId.ifPresent(connector -> select.where("connector_id = ?", connector));
    if (!page.isFirst()) {
      select.where("(received_at, id) < (?, ?)", page.afterInstant(0), page.afterNumber(1));
    }
    return database.run(
        connection -> {
          if (!chargerExists(connection, id)) {
            throw ApiException.notFound("charger '" + id + "'");
          }
          List<Keyed<StatusChangeView>> rows = new ArrayList<>();
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              StatusChangeView change = view(rs);
              rows.add(
                  new Keyed<>(
                      change, List.of(change.receivedAt().toString(), Long.toString(change.id()))));
            }
          }
          return page.pageOfKeyed(rows);
        });
  }

  static boolean chargerExists(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT 1 FROM charger WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static StatusChangeView view(ResultSet rs) throws SQLException {
    return new StatusChangeView(
        rs.getLong("id"),
        rs.getInt("connector_id"),
        rs.getString("status"),
        rs.getString("error_code"),
        rs.getString("info"),
        rs.getString("vendor_id"),
        rs.getString("vendor_error_code"),
        Rows.instant(rs, "charger_timestamp"),
        Rows.instant(rs, "received_at"));
  }
}
