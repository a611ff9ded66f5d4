package dev.joule.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Whether a transaction has been stopped (it has a stop timestamp). */
public enum TransactionState {
  OPEN("open"),
  STOPPED("stopped");

  private final String wire;

  TransactionState(String wire) {
    this.wire = wire;
  }

  @JsonValue
  String wire() {
    return wire;
  }

  static TransactionState parse(String name, String value) {
    for (TransactionState state : values()) {
      if (state.wire.equals(value)) {
        return state;
      }
    }
    throw ApiException.badParameter(
        name,
        "'"
            + value
            + "' is not one of "
            + Arrays.stream(values())
                .map(TransactionState::wire)
                .collect(Collectors.joining(", ")));
  }
}
