package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.domain.campaign.CampaignChargerState;
import dev.joule.domain.campaign.CampaignKind;
import dev.joule.domain.campaign.CampaignStatus;
import io.vertx.core.http.HttpMethod;
import java.util.Arrays;

/** What the OpenAPI document says of {@link CampaignApi}'s routes beyond their path. */
final class CampaignApiDocs {
  private CampaignApiDocs() {}

  /** Adds to {@code operation} if {@code template} is one of these routes. */
  static void describe(String template, HttpMethod method, ObjectNode operation, ArrayNode params) {
    for (CampaignKind kind : CampaignKind.values()) {
      if (method.equals(HttpMethod.POST)
          && template.equals(CampaignApi.CAMPAIGNS + "/" + kind.wire())) {
        create(kind, operation);
        return;
      }
    }
    switch (method.name() + " " + template) {
      case "GET " + CampaignApi.CAMPAIGNS -> {
        operation.put("summary", "Campaigns, newest first, paged, with their totals per state");
        StatusApiDocs.query(params, "status");
        enumOf(params, Arrays.stream(CampaignStatus.values()).map(CampaignStatus::wire));
        StatusApiDocs.query(params, "kind");
        enumOf(params, Arrays.stream(CampaignKind.values()).map(CampaignKind::wire));
        StatusApiDocs.query(params, "limit", "cursor");
      }
      case "GET " + CampaignApi.CAMPAIGN ->
          operation.put(
              "summary",
              "One campaign: status, settings, payload, totals per charger state, in flight");
      case "GET " + CampaignApi.CHARGERS -> {
        operation.put(
            "summary", "The campaign's chargers in turn order, paged: state, last status, times");
        StatusApiDocs.query(params, "state");
        enumOf(
            params, Arrays.stream(CampaignChargerState.values()).map(CampaignChargerState::wire));
        StatusApiDocs.query(params, "limit", "cursor");
      }
      case "POST " + CampaignApi.PAUSE ->
          change(operation, "Pause: no new chargers get their turn");
      case "POST " + CampaignApi.RESUME -> change(operation, "Resume a paused campaign");
      case "POST " + CampaignApi.CANCEL ->
          change(
              operation,
              "Cancel: chargers not yet sent to become cancelled; those in flight are followed");
      default -> {
        // not a campaign route
      }
    }
  }

  private static void create(CampaignKind kind, ObjectNode operation) {
    operation.put(
        "summary",
        "Start a "
            + kind.wire()
            + " campaign (201): "
            + kind.command().wire()
            + " to every charger, at most concurrency in flight, followed by "
            + kind.notification().wire());
    ObjectNode schema = (ObjectNode) OpenApi.schema(kind.command().requestType());
    ObjectNode properties = (ObjectNode) schema.path("properties");
    properties.remove("requestId");
    ArrayNode required = schema.putArray("required");
    JsonNode wanted = OpenApi.schema(kind.command().requestType()).path("required");
    for (JsonNode name : wanted) {
      if (!name.asText().equals("requestId") && !name.asText().equals("retrieveDate")) {
        required.add(name.asText());
      }
    }
    if (properties.path("firmware") instanceof ObjectNode firmware
        && firmware.path("required") instanceof ArrayNode nested) {
      ArrayNode without = firmware.putArray("required");
      nested.forEach(
          name -> {
            if (!name.asText().equals("retrieveDateTime")) {
              without.add(name);
            }
          }); // defaults to now, like UpdateFirmware's retrieveDate
    }
    properties
        .putObject(CampaignBody.CHARGER_IDS)
        .put("type", "array")
        .put("maxItems", CampaignBody.MAX_CHARGERS)
        .putObject("items")
        .put("type", "string");
    ObjectNode filter = properties.putObject(CampaignBody.FILTER);
    filter.put("type", "object").put("additionalProperties", false);
    ObjectNode fields = filter.putObject("properties");
    fields.putObject("idPrefix").put("type", "string");
    fields.putObject("connected").put("type", "boolean");
    fields.putObject("status").put("type", "string");
    integer(properties, CampaignBody.CONCURRENCY, CampaignBody.DEFAULT_CONCURRENCY);
    integer(properties, CampaignBody.CHARGER_TIMEOUT, CampaignBody.DEFAULT_CHARGER_TIMEOUT_S);
    integer(properties, CampaignBody.OFFLINE_RETRY, CampaignBody.DEFAULT_OFFLINE_RETRY_S);
    operation
        .putObject("requestBody")
        .put("required", true)
        .putObject("content")
        .putObject("application/json")
        .set("schema", schema);
    ((ObjectNode) operation.path("responses")).putObject("201").put("description", "created");
  }

  private static void integer(ObjectNode properties, String name, int fallback) {
    properties.putObject(name).put("type", "integer").put("minimum", 1).put("default", fallback);
  }

  private static void change(ObjectNode operation, String summary) {
    operation.put("summary", summary + "; 409 when the campaign's status does not allow it");
    ((ObjectNode) operation.path("responses"))
        .putObject("409")
        .put("description", "the campaign's status does not allow it");
  }

  private static void enumOf(ArrayNode params, java.util.stream.Stream<String> values) {
    ArrayNode list = ((ObjectNode) params.get(params.size() - 1).path("schema")).putArray("enum");
    values.forEach(list::add);
  }
}
