package dev.joule.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.status.Component;
import dev.joule.status.Impact;
import dev.joule.status.IncidentStatus;
import io.vertx.core.http.HttpMethod;
import java.util.Arrays;
import java.util.List;

/**
 * What the OpenAPI document says of {@link StatusApi}'s routes beyond their path: summaries, query
 * parameters and the request bodies, with the enums the validation accepts.
 */
final class StatusApiDocs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StatusApiDocs() {}

  /** Adds to {@code operation} if {@code template} is one of the status API's routes. */
  static void describe(String template, HttpMethod method, ObjectNode operation, ArrayNode params) {
    String route = method.name() + " " + template;
    switch (route) {
      case "GET " + StatusApi.ALERTS -> {
        operation.put("summary", "Alert transitions (firing, resolved), newest first, paged");
        query(params, "alert", "node", "limit", "cursor");
      }
      case "GET " + StatusApi.INCIDENTS -> {
        operation.put("summary", "Incidents with their updates, newest first, paged");
        query(params, "status", "limit", "cursor");
      }
      case "GET " + StatusApi.INCIDENT -> operation.put("summary", "One incident and its timeline");
      case "GET " + StatusApi.POSTMORTEM -> {
        operation.put(
            "summary",
            "The postmortem draft of a resolved incident (Markdown): timeline, impact from the"
                + " recorded CALL tallies, alerts; 409 while it is not resolved");
        ObjectNode responses = (ObjectNode) operation.path("responses");
        ((ObjectNode) responses.path("200"))
            .putObject("content")
            .putObject("text/markdown")
            .putObject("schema")
            .put("type", "string");
        responses.putObject("404").put("description", "no such incident");
        responses.putObject("409").put("description", "the incident is not resolved yet");
      }
      case "POST " + StatusApi.INCIDENTS -> {
        operation.put("summary", "Open a manual incident (201)");
        body(
            operation, List.of("title", "text"), "title", "text", "impact", "components", "status");
      }
      case "POST " + StatusApi.UPDATES -> {
        operation.put("summary", "Add an update: status and text (201)");
        body(operation, List.of("status", "text"), "status", "text");
      }
      case "PATCH " + StatusApi.INCIDENT -> {
        operation.put("summary", "Change title, impact or components");
        body(operation, List.of(), "title", "impact", "components");
      }
      default -> {
        // not a status route
      }
    }
  }

  static void query(ArrayNode params, String... names) {
    for (String name : names) {
      ObjectNode parameter = params.addObject().put("name", name).put("in", "query");
      parameter.put("required", false);
      parameter.putObject("schema").put("type", "string");
    }
  }

  /** A JSON object request body of {@code operation}, no other fields allowed: its schema. */
  static ObjectNode objectBody(ObjectNode operation) {
    ObjectNode schema =
        operation
            .putObject("requestBody")
            .putObject("content")
            .putObject("application/json")
            .putObject("schema");
    schema.put("type", "object").put("additionalProperties", false);
    return schema;
  }

  private static void body(ObjectNode operation, List<String> required, String... fields) {
    ObjectNode schema = objectBody(operation);
    ObjectNode properties = schema.putObject("properties");
    for (String field : fields) {
      ObjectNode property = properties.putObject(field);
      switch (field) {
        case "impact" ->
            enumOf(property, Arrays.stream(Impact.values()).map(Impact::wire).toList());
        case "status" ->
            enumOf(
                property,
                Arrays.stream(IncidentStatus.values()).map(IncidentStatus::wire).toList());
        case "components" -> {
          property.put("type", "array");
          enumOf(
              property.putObject("items"),
              Arrays.stream(Component.values()).map(Component::id).toList());
        }
        default -> property.put("type", "string");
      }
    }
    if (!required.isEmpty()) {
      ArrayNode names = schema.putArray("required");
      required.forEach(names::add);
    }
  }

  private static void enumOf(ObjectNode property, List<String> values) {
    property.put("type", "string");
    ArrayNode list = property.putArray("enum");
    values.forEach(list::add);
  }
}
