package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.schema.Nullable;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/openapi.json}: an OpenAPI 3.0 document built from the router's own routes and,
 * for the command endpoint, from the action table (one path per command action, its request body
 * schema read from the request record). Built once after every route is mounted, so it cannot list
 * a route that does not exist or miss one that does.
 */
public final class OpenApi {
  static final String PATH = ReadApi.PREFIX + "/openapi.json";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private OpenApi() {}

  /** Mounts the document; call after every other API route is mounted. */
  public static void mount(Router router) {
    byte[] document = Json.write(document(router));
    router
        .get(PATH)
        .handler(
            rc ->
                rc.response()
                    .putHeader("Content-Type", "application/json")
                    .end(io.vertx.core.buffer.Buffer.buffer(document)));
  }

  static ObjectNode document(Router router) {
    ObjectNode root = NODES.objectNode();
    root.put("openapi", "3.0.3");
    root.putObject("info").put("title", "Joule API").put("version", "1");
    root.putObject("components")
        .putObject("securitySchemes")
        .putObject("bearer")
        .put("type", "http")
        .put("scheme", "bearer");
    root.putArray("security").addObject().putArray("bearer");
    ObjectNode paths = root.putObject("paths");
    List<Route> routes = new ArrayList<>(router.getRoutes());
    routes.sort(Comparator.comparing(route -> String.valueOf(route.getPath())));
    for (Route route : routes) {
      String template = route.getPath();
      if (template == null
          || !template.startsWith(ReadApi.PREFIX + "/")
          || route.methods() == null
          || template.endsWith("*")) {
        continue;
      }
      if (template.equals(CommandApi.SEND)) {
        for (Action action : CommandApi.ACTIONS) {
          ObjectNode operation =
              operation(paths, template.replace(":action", action.wire()), HttpMethod.POST);
          operation.put("summary", "Send " + action.wire() + " (" + action.profile() + ")");
          operation
              .putObject("requestBody")
              .putObject("content")
              .putObject("application/json")
              .set("schema", schema(action.requestType()));
          operation
              .putArray("parameters")
              .add(parameter("id", "path"))
              .add(parameter("wait", "query"))
              .add(parameter("ttl", "query"));
        }
        continue;
      }
      for (HttpMethod method : route.methods()) {
        ObjectNode operation = operation(paths, template, method);
        ArrayNode parameters = operation.putArray("parameters");
        for (String segment : template.split("/")) {
          if (segment.startsWith(":")) {
            parameters.add(parameter(segment.substring(1), "path"));
          }
        }
        StatusApiDocs.describe(template, method, operation, parameters);
        if (template.equals(ChargerRoutes.CHARGERS)) {
          parameters
              .add(parameter("idPrefix", "query"))
              .add(parameter("connected", "query"))
              .add(parameter("status", "query"));
        }
        ProfileApiDocs.describe(template, method, operation, parameters);
        CampaignApiDocs.describe(template, method, operation, parameters);
        TokenApi.describe(template, method, operation);
        if (template.equals(EventsApi.EVENTS)) {
          operation.put("summary", "Server-Sent Events; see docs/events.md");
          parameters.add(parameter("chargerId", "query")).add(parameter("Last-Event-ID", "header"));
          ((ObjectNode) operation.path("responses").path("200"))
              .putObject("content")
              .putObject("text/event-stream")
              .putObject("schema")
              .put("type", "string");
        }
      }
    }
    return root;
  }

  /** The OpenAPI form of a Vert.x path template: {@code :id} becomes {@code {id}}. */
  static String openApiPath(String template) {
    return template.replaceAll(":([A-Za-z]+)", "{$1}");
  }

  private static ObjectNode operation(ObjectNode paths, String template, HttpMethod method) {
    String path = openApiPath(template);
    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    ObjectNode operation = item.putObject(method.name().toLowerCase(Locale.ROOT));
    ObjectNode responses = operation.putObject("responses");
    responses.putObject("200").put("description", "OK");
    responses.putObject("400").put("description", "a parameter or body field is wrong");
    responses.putObject("401").put("description", "missing or invalid bearer token");
    return operation;
  }

  private static ObjectNode parameter(String name, String in) {
    ObjectNode parameter = NODES.objectNode().put("name", name).put("in", in);
    parameter.put("required", in.equals("path"));
    parameter.putObject("schema").put("type", "string");
    return parameter;
  }

  /**
   * A JSON schema of a request record: its components, required unless annotated nullable. The
   * console builds its command forms from the same schema.
   */
  public static JsonNode schema(Type type) {
    ObjectNode schema = NODES.objectNode();
    if (type instanceof ParameterizedType list) {
      schema.put("type", "array");
      schema.set("items", schema(list.getActualTypeArguments()[0]));
      return schema;
    }
    Class<?> raw = (Class<?>) type;
    if (raw == String.class) {
      schema.put("type", "string");
    } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      schema.put("type", "integer");
    } else if (raw == double.class || raw == Double.class || raw == java.math.BigDecimal.class) {
      schema.put("type", "number");
    } else if (raw == boolean.class || raw == Boolean.class) {
      schema.put("type", "boolean");
    } else if (raw == Instant.class) {
      schema.put("type", "string").put("format", "date-time");
    } else if (raw.isEnum() && dev.joule.ocpp.WireEnum.class.isAssignableFrom(raw)) {
      schema.put("type", "string");
      ArrayNode values = schema.putArray("enum");
      for (Object constant : raw.getEnumConstants()) {
        values.add(((dev.joule.ocpp.WireEnum) constant).wire());
      }
    } else if (raw.isRecord()) {
      schema.put("type", "object").put("additionalProperties", false);
      ObjectNode properties = schema.putObject("properties");
      ArrayNode required = NODES.arrayNode();
      for (RecordComponent component : raw.getRecordComponents()) {
        properties.set(component.getName(), schema(component.getGenericType()));
        boolean optional = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
        if (!optional) {
          required.add(component.getName());
        }
      }
      if (!required.isEmpty()) {
        schema.set("required", required);
      }
    } else {
      schema.put("type", "string");
    }
    return schema;
  }
}
