package dev.joule.domain.localauth;

import dev.joule.domain.command.Command;
import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.ocpp.message.core.IdTagInfo;
import dev.joule.ocpp.message.localauth.AuthorizationData;
import dev.joule.ocpp.message.localauth.SendLocalListRequest;
import dev.joule.ocpp.message.localauth.UpdateType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A planned message as the SendLocalList.req it is, and the words {@link LocalLists} records. */
final class LocalListRequests {
  private LocalListRequests() {}

  static String why(Optional<Command> command) {
    return command
        .map(
            c ->
                "command "
                    + c.id()
                    + " "
                    + c.status().wire()
                    + c.errorCode().map(code -> " (" + code + ")").orElse(""))
        .orElse("not sent");
  }

  static String describe(List<LocalListPlan.Message> plan) {
    LocalListPlan.Message first = plan.getFirst();
    return (first.full() ? "Full" : "Differential")
        + " to version "
        + plan.getLast().version()
        + " in "
        + plan.size()
        + (plan.size() == 1 ? " message" : " messages");
  }

  static SendLocalListRequest request(LocalListPlan.Message message) {
    List<AuthorizationData> entries =
        message.changes().stream()
            .map(
                change ->
                    new AuthorizationData(
                        change.idTag(),
                        change
                            .info()
                            .map(
                                e ->
                                    new IdTagInfo(
                                        e.expiryDate().orElse(null),
                                        e.parentIdTag().orElse(null),
                                        status(e.status())))
                            .orElse(null)))
            .toList();
    return new SendLocalListRequest(
        message.version(), entries, message.full() ? UpdateType.FULL : UpdateType.DIFFERENTIAL);
  }

  private static AuthorizationStatus status(String wire) {
    return Arrays.stream(AuthorizationStatus.values())
        .filter(s -> s.wire().equals(wire))
        .findFirst()
        .orElse(AuthorizationStatus.INVALID);
  }
}
