package dev.joule.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.domain.event.ChargerEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link ChargerEvent} as JSON on {@code <cluster>.events}: its type (the SSE event name), the
 * node it happened on, and its components by name. Written by hand, one case per event, so the wire
 * needs no reflection-driven mapping of Optional and Instant.
 */
final class EventWire {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventWire() {}

  /** The event as it arrived, and the node that published it. */
  record Received(String origin, ChargerEvent event) {}

  static byte[] write(String origin, ChargerEvent event) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", event.type());
    o.put("origin", origin);
    o.put("chargerId", event.chargerId());
    o.put("at", event.at().toString());
    switch (event) {
      case ChargerEvent.Connected c -> o.put("epoch", c.epoch());
      case ChargerEvent.Disconnected d -> o.put("epoch", d.epoch()).put("replaced", d.replaced());
      case ChargerEvent.ConnectorStatusChanged s -> {
        o.put("connectorId", s.connectorId()).put("status", s.status());
        o.put("errorCode", s.errorCode());
        s.timestamp().ifPresent(t -> o.put("timestamp", t.toString()));
      }
      case ChargerEvent.TransactionStarted t -> {
        o.put("transactionId", t.transactionId()).put("connectorId", t.connectorId());
        o.put("idTag", t.idTag()).put("meterStart", t.meterStart());
        o.put("timestamp", t.timestamp().toString());
        t.commandId().ifPresent(id -> o.put("commandId", id));
      }
      case ChargerEvent.TransactionStopped t -> {
        o.put("transactionId", t.transactionId()).put("meterStop", t.meterStop());
        o.put("timestamp", t.timestamp().toString());
        t.reason().ifPresent(r -> o.put("reason", r));
      }
      case ChargerEvent.CommandStatusChanged c -> {
        o.put("commandId", c.commandId()).put("action", c.action()).put("status", c.status());
        c.errorCode().ifPresent(code -> o.put("errorCode", code));
      }
      case ChargerEvent.SecurityEventReceived s -> {
        o.put("securityEventType", s.securityEventType()).put("critical", s.critical());
        o.put("timestamp", s.timestamp().toString());
        s.techInfo().ifPresent(info -> o.put("techInfo", info));
      }
      case ChargerEvent.CampaignChargerChanged c -> {
        o.put("campaignId", c.campaignId()).put("kind", c.kind());
        o.put("state", c.state()).put("status", c.status());
      }
    }
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write event " + event.type(), e);
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are no event this version knows
   */
  static Received read(byte[] bytes) {
    JsonNode o;
    try {
      o = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    String id = text(o, "chargerId");
    Instant at = Instant.parse(text(o, "at"));
    ChargerEvent event =
        switch (text(o, "type")) {
          case "charger.connected" -> new ChargerEvent.Connected(id, at, number(o, "epoch"));
          case "charger.disconnected" ->
              new ChargerEvent.Disconnected(
                  id, at, number(o, "epoch"), o.path("replaced").asBoolean());
          case "connector.status" ->
              new ChargerEvent.ConnectorStatusChanged(
                  id,
                  at,
                  (int) number(o, "connectorId"),
                  text(o, "status"),
                  text(o, "errorCode"),
                  optional(o, "timestamp").map(Instant::parse));
          case "transaction.started" ->
              new ChargerEvent.TransactionStarted(
                  id,
                  at,
                  (int) number(o, "transactionId"),
                  (int) number(o, "connectorId"),
                  text(o, "idTag"),
                  (int) number(o, "meterStart"),
                  Instant.parse(text(o, "timestamp")),
                  optional(o, "commandId").map(Long::parseLong));
          case "transaction.stopped" ->
              new ChargerEvent.TransactionStopped(
                  id,
                  at,
                  (int) number(o, "transactionId"),
                  (int) number(o, "meterStop"),
                  Instant.parse(text(o, "timestamp")),
                  optional(o, "reason"));
          case "command.status" ->
              new ChargerEvent.CommandStatusChanged(
                  id,
                  at,
                  number(o, "commandId"),
                  text(o, "action"),
                  text(o, "status"),
                  optional(o, "errorCode"));
          case "security.event" ->
              new ChargerEvent.SecurityEventReceived(
                  id,
                  at,
                  text(o, "securityEventType"),
                  o.path("critical").asBoolean(),
                  Instant.parse(text(o, "timestamp")),
                  optional(o, "techInfo"));
          case "campaign.charger" ->
              new ChargerEvent.CampaignChargerChanged(
                  id,
                  at,
                  number(o, "campaignId"),
                  text(o, "kind"),
                  text(o, "state"),
                  text(o, "status"));
          default -> throw new IllegalArgumentException("unknown event type " + o.path("type"));
        };
    return new Received(text(o, "origin"), event);
  }

  private static String text(JsonNode o, String field) {
    JsonNode value = o.get(field);
    if (value == null || !value.isValueNode() || value.isNull()) {
      throw new IllegalArgumentException("event without " + field);
    }
    return value.asText();
  }

  private static long number(JsonNode o, String field) {
    JsonNode value = o.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("event without a whole number " + field);
    }
    return value.asLong();
  }

  private static Optional<String> optional(JsonNode o, String field) {
    JsonNode value = o.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
