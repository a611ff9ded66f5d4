package dev.joule.status;

import java.util.Optional;

/** An incident's impact, as hosted status pages grade it. */
public enum Impact {
  NONE("none"),
  MINOR("minor"),
  MAJOR("major"),
  CRITICAL("critical");

  private final String wire;

  Impact(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Impact> ofWire(String wire) {
    for (Impact impact : values()) {
      if (impact.wire.equals(wire)) {
        return Optional.of(impact);
      }
    }
    return Optional.empty();
  }
}
