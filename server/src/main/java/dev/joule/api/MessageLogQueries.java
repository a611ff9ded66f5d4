package dev.joule.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A charger's frames as the message log kept them (key {@code message-log}; rows older than {@code
 * message-log-retention} are purged), newest first: what an operator reads to see what a charger
 * actually said. The log is written in batches, so the last second may not be there yet.
 */
final class MessageLogQueries {
  static final String LIST = "messages";

  private final Database database;

  MessageLogQueries(Database database) {
    this.database = database;
  }

  /** Ordered by time then id, newest first; the cursor carries both. 404 for an unknown charger. */
  Page<MessageView> recent(String chargerId, PageRequest page) {
    Select select =
        new Select("SELECT id, direction, frame, at FROM message_log")
            .where("charger_id = ?", chargerId)
            .orderBy("at DESC, id DESC")
            .pageOf(page);
    if (!page.isFirst()) {
      select.where("(at, id) < (?, ?)", page.afterInstant(0), page.afterNumber(1));
    }
    return database.run(
        connection -> {
          if (!StatusHistoryQueries.chargerExists(connection, chargerId)) {
            throw ApiException.notFound("charger '" + chargerId + "'");
          }
          List<Keyed<MessageView>> rows = new ArrayList<>();
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              MessageView message =
                  new MessageView(
                      rs.getLong("id"),
                      rs.getString("direction").equals("IN") ? "in" : "out",
                      rs.getString("frame"),
                      Rows.instant(rs, "at"));
              rows.add(
                  new Keyed<>(
                      message, List.of(message.at().toString(), Long.toString(message.id()))));
            }
          }
          return page.pageOfKeyed(rows);
        });
  }
}
