package dev.joule.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.domain.command.Delivery;
import dev.joule.ocpp.ErrorCode;
import java.io.IOException;

/**
 * A command routed to the gateway node that holds its charger, and what became of it, as JSON on
 * {@code <cluster>.node.<node-id>.commands} (request/reply).
 */
final class CommandWire {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CommandWire() {}

  /** A command for the connection {@code epoch} of {@code chargerId}. */
  record Routed(String chargerId, long epoch, String action, String payloadJson) {}

  static byte[] write(Routed command) {
    ObjectNode o = JSON.createObjectNode();
    o.put("chargerId", command.chargerId());
    o.put("epoch", command.epoch());
    o.put("action", command.action());
    o.put("payload", command.payloadJson());
    return bytes(o);
  }

  static Routed readRouted(byte[] bytes) {
    JsonNode o = tree(bytes);
    if (!o.path("chargerId").isTextual()
        || !o.path("epoch").isIntegralNumber()
        || !o.path("action").isTextual()
        || !o.path("payload").isTextual()) {
      throw new IllegalArgumentException(
          "a routed command needs chargerId, epoch, action, payload");
    }
    return new Routed(
        o.get("chargerId").asText(),
        o.get("epoch").asLong(),
        o.get("action").asText(),
        o.get("payload").asText());
  }

  static byte[] write(Delivery delivery) {
    ObjectNode o = JSON.createObjectNode();
    switch (delivery) {
      case Delivery.Answered a -> o.put("delivery", "answered").put("payload", a.payloadJson());
      case Delivery.Failed f ->
          o.put("delivery", "failed")
              .put("errorCode", f.errorCode().wire())
              .put("description", f.description());
      case Delivery.TimedOut t -> o.put("delivery", "timedOut").put("description", t.description());
      case Delivery.Offline off ->
          o.put("delivery", "offline")
              .put("sent", off.sent())
              .put("description", off.description());
    }
    return bytes(o);
  }

  static Delivery readDelivery(byte[] bytes) {
    JsonNode o = tree(bytes);
    String description = o.path("description").asText("");
    return switch (o.path("delivery").asText()) {
      case "answered" -> new Delivery.Answered(o.path("payload").asText());
      case "failed" ->
          new Delivery.Failed(
              ErrorCode.fromWire(o.path("errorCode").asText()).orElse(ErrorCode.GENERIC_ERROR),
              description);
      case "timedOut" -> new Delivery.TimedOut(description);
      case "offline" -> new Delivery.Offline(o.path("sent").asBoolean(), description);
      default -> throw new IllegalArgumentException("unknown delivery " + o.path("delivery"));
    };
  }

  private static JsonNode tree(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(ObjectNode o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
