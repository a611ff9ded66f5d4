package dev.joule.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** What the tests read of incidents and components, through the API and {@code /status.json}. */
final class IncidentsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IncidentsJson() {}

  /** The newest automatic incident ({@code /api/v1/incidents}); a missing node if none. */
  static JsonNode newestAutomatic(JouleServer joule) {
    for (JsonNode incident : read(joule, "/api/v1/incidents").path("items")) {
      if (incident.path("automatic").asBoolean()) {
        return incident;
      }
    }
    return JSON.missingNode();
  }

  /** The statuses of its updates, oldest first. */
  static List<String> statuses(JsonNode incident) {
    List<String> statuses = new ArrayList<>();
    incident.path("updates").forEach(u -> statuses.add(u.path("status").asText()));
    return statuses;
  }

  /** The texts of every incident's updates with {@code status}. */
  static List<String> texts(JouleServer joule, String status) {
    List<String> texts = new ArrayList<>();
    for (JsonNode incident : read(joule, "/api/v1/incidents").path("items")) {
      for (JsonNode update : incident.path("updates")) {
        if (update.path("status").asText().equals(status)) {
          texts.add(update.path("text").asText());
        }
      }
    }
    return texts;
  }

  /** The component {@code id} as {@code /status.json} shows it; a missing node if absent. */
  static JsonNode component(JouleServer joule, String id) {
    for (JsonNode component : read(joule, "/status.json").path("components")) {
      if (component.path("id").asText().equals(id)) {
        return component;
      }
    }
    return JSON.missingNode();
  }

  private static JsonNode read(JouleServer joule, String path) {
    try {
      return JSON.readTree(joule.get(path).body());
    } catch (Exception e) {
      throw new AssertionError(path + ": " + e, e);
    }
  }
}
