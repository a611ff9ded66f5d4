package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.status.Component;
import dev.joule.status.Impact;
import dev.joule.status.IncidentStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The bodies of the incident operator API, checked field by field; a bad one is a 400 naming the
 * field and why, an unknown field too.
 */
final class IncidentBodies {
  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 5000;

  private IncidentBodies() {}

  /**
   * {@code POST /incidents}: {@code title}, {@code text}; {@code impact}, {@code components},
   * {@code status} optional.
   */
  record Opening(
      String title,
      Impact impact,
      List<Component> components,
      IncidentStatus status,
      String text) {}

  /** {@code POST /incidents/{id}/updates}: {@code status} and {@code text}. */
  record Update(IncidentStatus status, String text) {}

  /** {@code PATCH /incidents/{id}}: any of {@code title}, {@code impact}, {@code components}. */
  record Patch(
      Optional<String> title, Optional<Impact> impact, Optional<List<Component>> components) {}

  static Opening opening(JsonNode body) {
    only(body, "title", "impact", "components", "status", "text");
    return new Opening(
        title(body).orElseThrow(() -> required("title")),
        impact(body).orElse(Impact.MINOR),
        components(body).orElse(List.of()),
        status(body).orElse(IncidentStatus.INVESTIGATING),
        text(body).orElseThrow(() -> required("text")));
  }

  static Update update(JsonNode body) {
    only(body, "status", "text");
    return new Update(
        status(body).orElseThrow(() -> required("status")),
        text(body).orElseThrow(() -> required("text")));
  }

  static Patch patch(JsonNode body) {
    only(body, "title", "impact", "components");
    Patch patch = new Patch(title(body), impact(body), components(body));
    if (patch.title().isEmpty() && patch.impact().isEmpty() && patch.components().isEmpty()) {
      throw ApiException.badParameter("body", "give at least one of title, impact, components");
    }
    return patch;
  }

  private static void only(JsonNode body, String... fields) {
    if (!body.isObject()) {
      throw ApiException.badParameter("body", "must be a JSON object");
    }
    Set<String> known = Set.of(fields);
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiException.badParameter(
            name, "unknown field; this body takes " + String.join(", ", fields));
      }
    }
  }

  private static Optional<String> title(JsonNode body) {
    return Params.stringField(body, "title")
        .map(value -> Params.text("title", value.strip(), MAX_TITLE));
  }

  private static Optional<String> text(JsonNode body) {
    return Params.stringField(body, "text")
        .map(value -> Params.text("text", value.strip(), MAX_TEXT));
  }

  private static Optional<Impact> impact(JsonNode body) {
    return Params.stringField(body, "impact")
        .map(
            value ->
                Impact.ofWire(value)
                    .orElseThrow(
                        () ->
                            ApiException.badParameter(
                                "impact",
                                "'"
                                    + value
                                    + "' is not one of "
                                    + wires(Arrays.stream(Impact.values()).map(Impact::wire)))));
  }

  private static Optional<IncidentStatus> status(JsonNode body) {
    return Params.stringField(body, "status")
        .map(
            value ->
                IncidentStatus.ofWire(value)
                    .orElseThrow(
                        () ->
                            ApiException.badParameter(
                                "status",
                                "'"
                                    + value
                                    + "' is not one of "
                                    + wires(
                                        Arrays.stream(IncidentStatus.values())
                                            .map(IncidentStatus::wire)))));
  }

  private static Optional<List<Component>> components(JsonNode body) {
    JsonNode value = body.get("components");
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      throw ApiException.badParameter("components", "must be an array of component ids");
    }
    List<Component> components = new ArrayList<>();
    for (JsonNode item : value) {
      String id = item.isTextual() ? item.asText() : item.toString();
      Component component =
          Component.byId(id)
              .orElseThrow(
                  () ->
                      ApiException.badParameter(
                          "components",
                          "'"
                              + id
                              + "' is not one of "
                              + wires(Arrays.stream(Component.values()).map(Component::id))));
      if (!components.contains(component)) {
        components.add(component);
      }
    }
    return Optional.of(List.copyOf(components));
  }

  private static ApiException required(String name) {
    return ApiException.badParameter(name, "is required");
  }

  private static String wires(Stream<String> values) {
    return String.join(", ", values.toList());
  }
}
