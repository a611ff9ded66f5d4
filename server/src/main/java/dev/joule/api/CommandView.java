package dev.joule.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.domain.command.Command;
import dev.joule.domain.command.Notification;
import java.time.Instant;
import java.util.List;

/**
 * A command as the API shows it. {@code payload} and {@code response} are the OCPP JSON objects as
 * sent and as the charger answered; {@code errorCode}/{@code errorDescription} carry a CALLERROR,
 * or Joule's reason for timeout, offline or a restart. {@code transactionId}: the transaction a
 * RemoteStartTransaction caused or a RemoteStopTransaction stopped, null otherwise. {@code
 * notifications}: in {@code GET /commands/{id}}, the LogStatusNotifications of a GetLog or the
 * SignedFirmwareStatusNotifications of a SignedUpdateFirmware (same requestId), oldest first; empty
 * for other actions; null in lists and in a command's submission answer.
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
    Integer transactionId,
    List<NotificationView> notifications) {

  /** A charger's status report on this command. */
  record NotificationView(String action, String status, Integer requestId, Instant receivedAt) {}

  static CommandView of(Command command) {
    return of(command, null);
  }

  static CommandView of(Command command, List<Notification> notifications) {
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
        command.transactionId().orElse(null),
        notifications == null
            ? null
            : notifications.stream()
                .map(
                    n ->
                        new NotificationView(
                            n.action(), n.status(), n.requestId().orElse(null), n.receivedAt()))
                .toList());
  }

  private static JsonNode tree(String json) {
    try {
      return Json.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON does not parse", e);
    }
  }
}
