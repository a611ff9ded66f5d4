package dev.joule.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.api.ApiException;
import dev.joule.api.OpenApi;
import dev.joule.ocpp.Action;
import io.vertx.core.MultiMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's form, generated from the request record's JSON schema (the one the OpenAPI document
 * shows, {@link OpenApi#schema}): one input per field, a select for an enum or a boolean, a JSON
 * text area for an object or a list. Filled in, it becomes the JSON payload that {@code POST
 * /api/v1/chargers/{id}/commands/{Action}} would take; the API's validation then judges it.
 */
final class CommandForm {
  static final String FIELD_PREFIX = "f.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommandForm() {}

  /** One input of the form. {@code kind}: text, integer, number, datetime, select or json. */
  record Field(
      String name,
      String input,
      String kind,
      boolean required,
      List<ChargerPages.Option> options,
      String hint) {
    public boolean isSelect() {
      return kind.equals("select");
    }

    public boolean isJson() {
      return kind.equals("json");
    }

    public boolean isInput() {
      return !isSelect() && !isJson();
    }

    public String type() {
      return kind.equals("integer") || kind.equals("number") ? "number" : "text";
    }

    public String step() {
      return kind.equals("number") ? "any" : "1";
    }
  }

  static List<Field> fields(Action action) {
    JsonNode schema = OpenApi.schema(action.requestType());
    Set<String> required = required(schema);
    List<Field> fields = new ArrayList<>();
    schema
        .path("properties")
        .properties()
        .forEach(
            entry -> {
              String name = entry.getKey();
              fields.add(field(name, entry.getValue(), required.contains(name)));
            });
    return fields;
  }

  private static Field field(String name, JsonNode property, boolean required) {
    String type = property.path("type").asText();
    String input = FIELD_PREFIX + name;
    if (property.has("enum") || type.equals("boolean")) {
      List<ChargerPages.Option> options = new ArrayList<>();
      if (!required) {
        options.add(new ChargerPages.Option("", "(not sent)", true));
      }
      List<String> values = new ArrayList<>();
      if (type.equals("boolean")) {
        values.addAll(List.of("true", "false"));
      } else {
        property.path("enum").forEach(value -> values.add(value.asText()));
      }
      for (int i = 0; i < values.size(); i++) {
        options.add(new ChargerPages.Option(values.get(i), values.get(i), required && i == 0));
      }
      return new Field(name, input, "select", required, options, "");
    }
    return switch (type) {
      case "integer" -> new Field(name, input, "integer", required, List.of(), "integer");
      case "number" -> new Field(name, input, "number", required, List.of(), "number");
      case "object", "array" ->
          new Field(name, input, "json", required, List.of(), type + " as JSON");
      default ->
          property.path("format").asText().equals("date-time")
              ? new Field(name, input, "datetime", required, List.of(), "e.g. 2026-12-07T12:00:00Z")
              : new Field(name, input, "text", required, List.of(), "");
    };
  }

  /**
   * The payload the form's values make. An empty input is a field not sent (the API's validation
   * then names a required one); a value that does not read as its type is passed on as text, so the
   * same validation names the field and the CALLERROR code.
   */
  static String payload(Action action, MultiMap form) {
    JsonNode schema = OpenApi.schema(action.requestType());
    ObjectNode payload = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
      String name = entry.getKey();
      String raw = form.get(FIELD_PREFIX + name);
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String value = raw.trim();
      switch (entry.getValue().path("type").asText()) {
        case "integer" -> putInteger(payload, name, value);
        case "number" -> putNumber(payload, name, value);
        case "boolean" ->
            payload.put(
                name,
                value.equals("true") ? Boolean.TRUE : value.equals("false") ? Boolean.FALSE : null);
        case "object", "array" -> payload.set(name, parse(name, value));
        default -> payload.put(name, value);
      }
    }
    return payload.toString();
  }

  private static void putInteger(ObjectNode payload, String name, String value) {
    try {
      payload.put(name, Long.parseLong(value));
    } catch (NumberFormatException e) {
      payload.put(name, value);
    }
  }

  private static void putNumber(ObjectNode payload, String name, String value) {
    try {
      payload.put(name, new BigDecimal(value));
    } catch (NumberFormatException e) {
      payload.put(name, value);
    }
  }

  private static JsonNode parse(String name, String value) {
    try {
      return JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw ApiException.badParameter(name, "not JSON: " + e.getOriginalMessage());
    }
  }

  private static Set<String> required(JsonNode schema) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    return required;
  }
}
