package dev.joule.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads transactions with their energy (see {@link Energy}). */
final class TransactionQueries {
  static final String LIST = "transactions";

  /**
   * Each transaction with, while it has no meter stop, its latest usable register sample. The
   * lateral subquery walks meter_value_element_by_transaction (transaction, timestamp, id)
   * backwards, one element's samples at a time, and stops at the first usable one.
   */
  private static final String SELECT =
      "SELECT t.id, t.charger_id, t.connector_id, t.id_tag, t.meter_start, t.start_timestamp,"
          + " t.reservation_id, t.meter_stop, t.stop_timestamp, t.stop_reason, t.stop_id_tag,"
          + " r.value AS register_value, r.unit AS register_unit"
          + " FROM charge_transaction t LEFT JOIN LATERAL ("
          + "SELECT m.value, m.unit FROM meter_value_element e, unnest(e.value, e.measurand,"
          + " e.phase, e.location, e.format, e.unit)"
          + " WITH ORDINALITY AS m (value, measurand, phase, location, format, unit, n)"
          + " WHERE e.transaction_id = t.id AND t.meter_stop IS NULL"
          + " AND m.measurand = '"
          + Energy.REGISTER
          + "' AND m.phase = '' AND m.location IN ('', 'Outlet')"
          + " AND COALESCE(m.format, 'Raw') = 'Raw' AND COALESCE(m.unit, 'Wh') IN ('Wh', 'kWh')"
          + " ORDER BY e.timestamp DESC, e.id DESC, m.n DESC LIMIT 1) r ON TRUE";

  private final Database database;

  TransactionQueries(Database database) {
    this.database = database;
  }

  /** Ordered by start time then id, newest first; the cursor carries both. */
  Page<TransactionView> list(TransactionFilter filter, PageRequest page) {
    Select select = new Select(SELECT).orderBy("t.start_timestamp DESC, t.id DESC").pageOf(page);
    filter.applyTo(select);
    if (!page.isFirst()) {
      select.where("(t.start_timestamp, t.id) < (?, ?)", page.afterInstant(0), page.afterNumber(1));
    }
    List<TransactionView> rows = read(select);
    return page.page(
        rows,
        transaction ->
            List.of(transaction.startTimestamp().toString(), Integer.toString(transaction.id())));
  }

  Optional<TransactionView> find(int id) {
    return read(new Select(SELECT).where("t.id = ?", id)).stream().findFirst();
  }

  private List<TransactionView> read(Select select) {
    return database.run(
        connection -> {
          List<TransactionView> rows = new ArrayList<>();
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              rows.add(view(rs));
            }
          }
          return rows;
        });
  }

  private static TransactionView view(ResultSet rs) throws SQLException {
    int meterStart = rs.getInt("meter_start");
    Integer meterStop = Rows.integer(rs, "meter_stop");
    boolean stopped = rs.getObject("stop_timestamp") != null;
    return new TransactionView(
        rs.getInt("id"),
        rs.getString("charger_id"),
        rs.getInt("connector_id"),
        rs.getString("id_tag"),
        stopped ? TransactionState.STOPPED : TransactionState.OPEN,
        Rows.instant(rs, "start_timestamp"),
        Rows.instant(rs, "stop_timestamp"),
        meterStart,
        meterStop,
        energy(
            meterStart, meterStop, rs.getString("register_value"), rs.getString("register_unit")),
        rs.getString("stop_reason"),
        rs.getString("stop_id_tag"),
        Rows.integer(rs, "reservation_id"));
  }

  private static Long energy(int meterStart, Integer meterStop, String register, String unit) {
    if (meterStop != null) {
      return Energy.stopped(meterStart, meterStop);
    }
    if (register == null) {
      return null;
    }
    OptionalLong energy = Energy.sinceStart(meterStart, register, unit);
    return energy.isPresent() ? energy.getAsLong() : null;
  }
}
