package dev.joule.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.domain.command.Command;
import java.time.Instant;

/**
 * A command as the API shows it. {@code payload} and {@code response} are the OCPP JSON objects as
 * sent and as the charger answered; {@code errorCode}/{@code errorDescription} carry a CALLERROR,
 * or Joule's reason for timeout, offline or a restart. {@code transactionId}: the transaction a
 * RemoteStartTransaction caused or a RemoteStopTransaction stopped, null otherwise.
 */
public record CommandView(
    long id,
    String chargerId,
    String action,
    String status,
    JsonNode payload,
    JsonNode response,
    String errorCode,
    String errorDescription,
    Instant queuedAt,
    Instant sentAt,
    Instant completedAt,
    Integer transactionId) {

  static CommandView of(Command command) {
    return new CommandView(
        command.id(),
        command.chargerId(),
        command.action(),
        command.status().wire(),
        tree(command.payloadJson()),
        command.responseJson().map(CommandView::tree).orElse(null),
        command.errorCode().orElse(null),
        command.errorDescription().orElse(null),
        command.queuedAt(),
        command.sentAt().orElse(null),
        command.completedAt().orElse(null),
        command.transactionId().orElse(null));
  }

  private static JsonNode tree(String json) {
    try {
      return Json.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }
}
