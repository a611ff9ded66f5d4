package dev.joule.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the sampled values of one transaction, oldest first (the order a chart draws them). */
final class MeterValueQueries {
  static final String LIST = "meter-values";

  private final Database database;

  MeterValueQueries(Database database) {
    this.database = database;
  }

  /** Ordered by sample time then id; the cursor carries both. 404 if the transaction is unknown. */
  Page<MeterSampleView> samples(int transactionId, PageRequest page) {
    Select select =
        new Select(
                "SELECT id, timestamp, connector_id, measurand, phase, location, value, unit,"
                    + " context, format, source, received_at FROM meter_value")
            .where("transaction_id = ?", transactionId)
            .orderBy("timestamp, id")
            .pageOf(page);
    if (!page.isFirst()) {
      select.where("(timestamp, id) > (?, ?)", page.afterInstant(0), page.afterNumber(1));
    }
    return database.run(
        connection -> {
          if (!transactionExists(connection, transactionId)) {
            throw ApiException.notFound("transaction " + transactionId);
          }
          List<Keyed<MeterSampleView>> rows = new ArrayList<>();
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              MeterSampleView sample = view(rs);
              rows.add(
                  new Keyed<>(sample, List.of(sample.timestamp().toString(), rs.getString("id"))));
            }
          }
          return page.pageOfKeyed(rows);
        });
  }

  private static boolean transactionExists(Connection connection, int id) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT 1 FROM charge_transaction WHERE id = ?")) {
      statement.setInt(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static MeterSampleView view(ResultSet rs) throws SQLException {
    return new MeterSampleView(
        Rows.instant(rs, "timestamp"),
        rs.getInt("connector_id"),
        rs.getString("measurand"),
        Rows.emptyAsNull(rs, "phase"),
        Rows.emptyAsNull(rs, "location"),
        rs.getString("value"),
        rs.getString("unit"),
        rs.getString("context"),
        rs.getString("format"),
        rs.getString("source"),
        Rows.instant(rs, "received_at"));
  }
}
