package dev.joule.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.domain.reservation.ReservationStatus;
import dev.joule.ocpp.message.smartcharging.SetChargingProfileRequest;
import io.vertx.core.http.HttpMethod;

/**
 * What the OpenAPI document says of the feature-profile routes ({@link ReservationApi}, {@link
 * LocalListApi}, {@link ChargingProfileApi}) beyond their path.
 */
final class ProfileApiDocs {
  private ProfileApiDocs() {}

  /** Adds to {@code operation} if {@code template} is one of these routes. */
  static void describe(String template, HttpMethod method, ObjectNode operation, ArrayNode params) {
    switch (method.name() + " " + template) {
      case "POST " + ReservationApi.RESERVATIONS -> {
        operation.put(
            "summary",
            "Create a reservation (201, status pending) and send ReserveNow with its id");
        ObjectNode schema = StatusApiDocs.objectBody(operation);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("chargerId").put("type", "string");
        properties.putObject("connectorId").put("type", "integer").put("minimum", 0);
        properties.putObject("idTag").put("type", "string").put("maxLength", 20);
        properties.putObject("parentIdTag").put("type", "string").put("maxLength", 20);
        properties.putObject("expiryDate").put("type", "string").put("format", "date-time");
        schema.putArray("required").add("chargerId").add("idTag").add("expiryDate");
        ((ObjectNode) operation.path("responses")).putObject("201").put("description", "created");
      }
      case "GET " + ReservationApi.RESERVATIONS -> {
        operation.put("summary", "Reservations, newest first, paged");
        StatusApiDocs.query(params, "chargerId", "status");
        ArrayNode statuses =
            ((ObjectNode) params.get(params.size() - 1).path("schema")).putArray("enum");
        for (ReservationStatus status : ReservationStatus.values()) {
          statuses.add(status.wire());
        }
        StatusApiDocs.query(params, "limit", "cursor");
      }
      case "GET " + ReservationApi.RESERVATION -> operation.put("summary", "One reservation");
      case "DELETE " + ReservationApi.RESERVATION -> {
        operation.put(
            "summary",
            "Send CancelReservation: 200 once cancelled within ?wait=, 202 otherwise; 409 when"
                + " it is not open");
        StatusApiDocs.query(params, "wait");
        ((ObjectNode) operation.path("responses"))
            .putObject("409")
            .put("description", "the reservation is not open");
      }
      case "PUT " + LocalListApi.LOCAL_LIST -> {
        operation.put(
            "summary",
            "Set the charger's local authorization list to these id tags, or to a group's (the id"
                + " tags whose parentIdTag it is, followed as the group changes); Joule sends it"
                + " (Full, then Differential) by itself");
        ObjectNode schema = StatusApiDocs.objectBody(operation);
        ObjectNode properties = schema.putObject("properties");
        ObjectNode idTags = properties.putObject("idTags");
        idTags.put("type", "array").putObject("items").put("type", "string").put("maxLength", 20);
        properties
            .putObject("group")
            .put("type", "string")
            .put("maxLength", 20)
            .put("description", "instead of idTags: every id tag whose parentIdTag is this");
      }
      case "GET " + LocalListApi.LOCAL_LIST ->
          operation.put(
              "summary",
              "The charger's local list: wanted id tags, state (sending, in-sync, waiting, failed,"
                  + " notsupported), the charger's list version, what it holds");
      case "POST " + ChargingProfileApi.PROFILES -> {
        operation.put(
            "summary",
            "Check a charging profile against the OCPP 1.6 rules (400 naming the rule) and send"
                + " SetChargingProfile; 200 once answered within ?wait=, 202 otherwise");
        operation
            .putObject("requestBody")
            .put("required", true)
            .putObject("content")
            .putObject("application/json")
            .set("schema", OpenApi.schema(SetChargingProfileRequest.class));
        StatusApiDocs.query(params, "wait");
      }
      case "GET " + ChargerStateRoutes.CHARGING_PROFILES -> {
        operation.put(
            "summary",
            "The charger's charging profiles as sent, with their status, by id; one page");
        StatusApiDocs.query(params, "connectorId", "status");
        ArrayNode statuses =
            ((ObjectNode) params.get(params.size() - 1).path("schema")).putArray("enum");
        ChargerStateRoutes.PROFILE_STATUSES.forEach(statuses::add);
      }
      case "GET " + ChargerStateRoutes.FLEET_PROFILES -> {
        operation.put(
            "summary",
            "The fleet's charging profiles as stored, by charger and profile id, paged; filters"
                + " chargerId, purpose, status");
        StatusApiDocs.query(params, "chargerId", "purpose", "status", "limit", "cursor");
      }
      case "DELETE " + ChargingProfileApi.PROFILE -> {
        operation.put(
            "summary",
            "Send ClearChargingProfile for an installed profile: 200 once cleared within ?wait=,"
                + " 202 otherwise; 404 when no installed profile has that id");
        StatusApiDocs.query(params, "wait");
      }
      case "GET " + ChargingProfileApi.SCHEDULE -> {
        operation.put(
            "summary",
            "Joule's composite schedule of the connector from now for ?duration= seconds (limit"
                + " null: no limit); ?unit=A|W (never converted: 400/409 on mixed units);"
                + " ?compare=true also sends GetCompositeSchedule and lists the differences");
        StatusApiDocs.query(params, "duration", "unit", "compare");
      }
      default -> {
        // not a feature-profile route
      }
    }
  }
}
