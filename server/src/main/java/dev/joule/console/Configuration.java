package dev.joule.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.api.CommandView;
import java.util.ArrayList;
import java.util.List;

/**
 * A charger's configuration as its last accepted GetConfiguration answered it (OCPP 1.6 §6.11:
 * {@code configurationKey} with key, readonly and value; {@code unknownKey} for keys asked for that
 * it does not know).
 */
record Configuration(long commandId, String readAt, List<Key> keys, List<String> unknownKeys) {
  record Key(String key, String value, boolean readonly) {}

  static Configuration of(CommandView read) {
    JsonNode answer = read.response();
    List<Key> keys = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    if (answer != null) {
      answer
          .path("configurationKey")
          .forEach(
              key ->
                  keys.add(
                      new Key(
                          key.path("key").asText(),
                          key.path("value").isMissingNode() ? "" : key.path("value").asText(),
                          key.path("readonly").asBoolean())));
      answer.path("unknownKey").forEach(key -> unknown.add(key.asText()));
    }
    return new Configuration(
        read.id(), Format.time(read.completedAt()), List.copyOf(keys), List.copyOf(unknown));
  }
}
