package dev.joule.status;

import java.util.Optional;

/** Where an incident stands; each update carries one. */
public enum IncidentStatus {
  INVESTIGATING("investigating"),
  IDENTIFIED("identified"),
  MONITORING("monitoring"),
  RESOLVED("resolved");

  private final String wire;

  IncidentStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<IncidentStatus> ofWire(String wire) {
    for (IncidentStatus status : values()) {
      if (status.wire.equals(wire)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
