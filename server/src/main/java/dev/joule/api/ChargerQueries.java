package dev.joule.api;

import dev.joule.domain.ChargerConnections;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads chargers with their connectors' last status, and whether each is connected now. */
final class ChargerQueries {
  static final String LIST = "chargers";

  private static final String COLUMNS =
      "SELECT id, vendor, model, firmware_version, registration_status, last_seen_at,"
          + " last_boot_at, registered_at, last_heartbeat_at, charge_point_serial,"
          + " charge_box_serial, iccid, imsi, meter_type, meter_serial, local_list_version"
          + " FROM charger";

  private final Database database;
  private final ChargerConnections connections;

  ChargerQueries(Database database, ChargerConnections connections) {
    this.database = database;
    this.connections = connections;
  }

  /** Chargers matching {@code filter}, ordered by id; the cursor carries the last id. */
  Page<ChargerView> list(ChargerFilter filter, PageRequest page) {
    Select select = new Select(COLUMNS).orderBy("id").pageOf(page);
    filter.applyTo(select, connections);
    if (!page.isFirst()) {
      select.where("id > ?", page.afterText(0));
    }
    return database.run(
        connection -> {
          List<ChargerRow> rows = read(connection, select);
          Map<String, List<ConnectorView>> connectors =
              connectors(connection, rows.stream().map(ChargerRow::id).toList());
          List<ChargerView> views =
              rows.stream().map(row -> view(row, connectors.get(row.id()))).toList();
          return page.page(views, charger -> List.of(charger.id()));
        });
  }

  /** The chargers of {@code ids} that exist, ordered by id (the console's live rows). */
  List<ChargerView> some(java.util.Collection<String> ids) {
    Select select =
        new Select(COLUMNS).where("id = ANY (?)", new Select.TextArray(ids)).orderBy("id");
    return database.run(
        connection -> {
          List<ChargerRow> rows = read(connection, select);
          Map<String, List<ConnectorView>> connectors =
              connectors(connection, rows.stream().map(ChargerRow::id).toList());
          return rows.stream().map(row -> view(row, connectors.get(row.id()))).toList();
        });
  }

  Optional<ChargerDetailView> find(String id) {
    Select select = new Select(COLUMNS).where("id = ?", id);
    return database.run(
        connection -> {
          List<ChargerRow> rows = read(connection, select);
          if (rows.isEmpty()) {
            return Optional.empty();
          }
          ChargerRow row = rows.getFirst();
          ChargerView charger = view(row, connectors(connection, List.of(id)).get(id));
          return Optional.of(
              new ChargerDetailView(
                  charger,
                  row.registeredAt(),
                  row.lastHeartbeat(),
                  row.boot(),
                  row.localListVersion(),
                  security(connection, id)));
        });
  }

  private static ChargerDetailView.Security security(Connection connection, String id)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT security_profile, key_hash IS NOT NULL, admission = 'pending'"
                + " FROM charger_auth WHERE charger_id = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? new ChargerDetailView.Security(row.getInt(1), row.getBoolean(2), row.getBoolean(3))
            : new ChargerDetailView.Security(0, false, false);
      }
    }
  }

  private ChargerView view(ChargerRow row, List<ConnectorView> connectors) {
    Optional<Instant> since = connections.connectedSince(row.id());
    return new ChargerView(
        row.id(),
        row.vendor(),
        row.model(),
        row.firmware(),
        row.registrationStatus(),
        row.lastSeen(),
        row.lastBoot(),
        since.isPresent(),
        since.orElse(null),
        connectors == null ? List.of() : connectors);
  }

  private static List<ChargerRow> read(Connection connection, Select select) throws SQLException {
    List<ChargerRow> rows = new ArrayList<>();
    try (PreparedStatement statement = select.prepare(connection);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        rows.add(ChargerRow.of(rs));
      }
    }
    return rows;
  }

  /** The last status of every connector of {@code ids}, by charger, in connector order. */
  private static Map<String, List<ConnectorView>> connectors(
      Connection connection, List<String> ids) throws SQLException {
    Map<String, List<ConnectorView>> byCharger = new HashMap<>();
    if (ids.isEmpty()) {
      return byCharger;
    }
    String sql =
        "SELECT charger_id, connector_id, status, error_code, info, vendor_id, vendor_error_code,"
            + " charger_timestamp, received_at FROM connector_status WHERE charger_id = ANY (?)"
            + " ORDER BY charger_id, connector_id";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          byCharger
              .computeIfAbsent(rs.getString("charger_id"), id -> new ArrayList<>())
              .add(
                  new ConnectorView(
                      rs.getInt("connector_id"),
                      rs.getString("status"),
                      rs.getString("error_code"),
                      rs.getString("info"),
                      rs.getString("vendor_id"),
                      rs.getString("vendor_error_code"),
                      Rows.instant(rs, "charger_timestamp"),
                      Rows.instant(rs, "received_at")));
        }
      }
    }
    return byCharger;
  }

  /** One row of the charger table. */
  private record ChargerRow(
      String id,
      String vendor,
      String model,
      String firmware,
      String registrationStatus,
      Instant lastSeen,
      Instant lastBoot,
      Instant registeredAt,
      Instant lastHeartbeat,
      ChargerDetailView.BootDetails boot,
      Integer localListVersion) {

    static ChargerRow of(ResultSet rs) throws SQLException {
      return new ChargerRow(
          rs.getString("id"),
          rs.getString("vendor"),
          rs.getString("model"),
          rs.getString("firmware_version"),
          rs.getString("registration_status"),
          Rows.instant(rs, "last_seen_at"),
          Rows.instant(rs, "last_boot_at"),
          Rows.instant(rs, "registered_at"),
          Rows.instant(rs, "last_heartbeat_at"),
          new ChargerDetailView.BootDetails(
              rs.getString("charge_point_serial"),
              rs.getString("charge_box_serial"),
              rs.getString("iccid"),
              rs.getString("imsi"),
              rs.getString("meter_type"),
              rs.getString("meter_serial")),
          Rows.integer(rs, "local_list_version"));
    }
  }
}
