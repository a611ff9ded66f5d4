package dev.joule.domain.command;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a command is: {@code queued -> sent -> accepted | rejected | error | timeout | offline}.
 * The last five are final: a command in one of them never changes again.
 */
public enum CommandStatus {
  /** Recorded, not yet handed to the charger's connection. */
  QUEUED,
  /**
   * Handed to the charger's connection, which sends it when no other central-system call is in
   * flight.
   */
  SENT,
  /** The charger answered with a positive status (see {@link Outcomes}). */
  ACCEPTED,
  /** The charger answered with a refusal status (see {@link Outcomes}). */
  REJECTED,
  /** The charger answered CALLERROR, its answer was malformed, or Joule lost track (restart). */
  ERROR,
  /** The charger did not answer within call-timeout. */
  TIMEOUT,
  /** The charger was not connected, or its connection closed before it answered. */
  OFFLINE;

  /** The lower-case name used in the API and the database. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isFinal() {
    return this != QUEUED && this != SENT;
  }

  public static Optional<CommandStatus> fromWire(String wire) {
    for (CommandStatus status : values()) {
      if (status.wire().equals(wire)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
