package dev.joule.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the alert history the status recorder keeps (table alert_event), newest first. */
final class AlertQueries {
  static final String LIST = "alerts";

  private final Database database;

  AlertQueries(Database database) {
    this.database = database;
  }

  /** Ordered by transition time then id, newest first; the cursor carries both. */
  Page<AlertView> list(Optional<String> alert, Optional<String> node, PageRequest page) {
    Select select =
        new Select(
                "SELECT id, alert, state, severity, node, at, since, fired_at, resolved_at, text"
                    + " FROM alert_event")
            .orderBy("at DESC, id DESC")
            .pageOf(page);
    alert.ifPresent(name -> select.where("alert = ?", name));
    node.ifPresent(id -> select.where("node = ?", id));
    if (!page.isFirst()) {
      select.where("(at, id) < (?, ?)", page.afterInstant(0), page.afterNumber(1));
    }
    return database.run(
        connection -> {
          List<Keyed<AlertView>> rows = new ArrayList<>();
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              AlertView view =
                  new AlertView(
                      rs.getLong("id"),
                      rs.getString("alert"),
                      rs.getString("state"),
                      rs.getString("severity"),
                      rs.getString("node"),
                      Rows.instant(rs, "at"),
                      Rows.instant(rs, "since"),
                      Rows.instant(rs, "fired_at"),
                      Rows.instant(rs, "resolved_at"),
                      rs.getString("text"));
              rows.add(new Keyed<>(view, List.of(view.at().toString(), Long.toString(view.id()))));
            }
          }
          return page.pageOfKeyed(rows);
        });
  }
}
