package dev.joule.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What Joule answers for an idTag (OCPP 1.6 AuthorizationStatus, without ConcurrentTx, which
 * describes a transaction rather than a tag).
 */
enum IdTagStatus {
  ACCEPTED("Accepted"),
  BLOCKED("Blocked"),
  EXPIRED("Expired"),
  INVALID("Invalid");

  private final String wire;

  IdTagStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  String wire() {
    return wire;
  }

  static IdTagStatus parse(String name, String value) {
    for (IdTagStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw ApiException.badParameter(
        name,
        "'"
            + value
            + "' is not one of "
            + Arrays.stream(values()).map(IdTagStatus::wire).collect(Collectors.joining(", ")));
  }
}
