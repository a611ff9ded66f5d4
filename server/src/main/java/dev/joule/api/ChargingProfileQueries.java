package dev.joule.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.store.ChargerStateRepository;
import java.util.List;

/** Reads the charging profiles stored for a charger, ordered by id (a charger holds few). */
final class ChargingProfileQueries {
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

  private static JsonNode tree(String json) {
    try {
      return Json.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }
}
