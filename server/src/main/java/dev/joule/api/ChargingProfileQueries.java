package dev.joule.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.store.ChargerStateRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the charging profiles stored for chargers: one charger's, ordered by id (a charger holds
 * few), or the fleet's in keyset pages ordered by charger and profile id.
 */
final class ChargingProfileQueries {
  static final String LIST = "charging-profiles";

  private final Database database;
  private final ChargerStateRepository state = new ChargerStateRepository();

  ChargingProfileQueries(Database database) {
    this.database = database;
  }

  List<ChargingProfileView> ofCharger(String chargerId) {
    return database.run(connection -> state.chargingProfiles(connection, chargerId)).stream()
        .map(
            p ->
                new ChargingProfileView(
                    chargerId,
                    p.chargingProfileId(),
                    p.connectorId(),
                    p.purpose(),
                    p.stackLevel(),
                    p.status(),
                    tree(p.profileJson()),
                    p.commandId(),
                    p.updatedAt()))
        .toList();
  }

  /** The fleet's profiles matching {@code filter}; the cursor carries charger and profile id. */
  Page<ChargingProfileView> list(ChargingProfileFilter filter, PageRequest page) {
    Select select =
        new Select(
                "SELECT charger_id, charging_profile_id, connector_id, purpose, stack_level,"
                    + " profile::text AS profile, status, command_id, updated_at"
                    + " FROM charging_profile")
            .orderBy("charger_id, charging_profile_id")
            .pageOf(page);
    filter.applyTo(select);
    if (!page.isFirst()) {
      select.where(
          "(charger_id, charging_profile_id) > (?, ?)",
          page.afterText(0),
          (int) page.afterNumber(1));
    }
    return database.run(
        connection -> {
          List<Keyed<ChargingProfileView>> rows = new ArrayList<>();
          try (PreparedStatement statement = select.prepare(connection);
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              ChargingProfileView view =
                  new ChargingProfileView(
                      rs.getString("charger_id"),
                      rs.getInt("charging_profile_id"),
                      rs.getInt("connector_id"),
                      rs.getString("purpose"),
                      rs.getInt("stack_level"),
                      rs.getString("status"),
                      tree(rs.getString("profile")),
                      rs.getLong("command_id"),
                      Rows.instant(rs, "updated_at"));
              rows.add(
                  new Keyed<>(
                      view, List.of(view.chargerId(), Integer.toString(view.chargingProfileId()))));
            }
          }
          return page.pageOfKeyed(rows);
        });
  }

  private static JsonNode tree(String json) {
    try {
      return Json.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }
}
