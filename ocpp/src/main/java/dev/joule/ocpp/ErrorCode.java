package dev.joule.ocpp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OCPP-J 1.6 §4.2.3 CALLERROR codes, spelled as the specification spells them (including
 * "Occurence"). The 2.0.1-only codes are not part of 1.6.
 */
public enum ErrorCode implements WireEnum {
  /** Requested Action is not known by receiver. */
  NOT_IMPLEMENTED("NotImplemented"),
  /** Requested Action is recognized but not supported by the receiver. */
  NOT_SUPPORTED("NotSupported"),
  /** An internal error occurred and the receiver was not able to process the requested Action. */
  INTERNAL_ERROR("InternalError"),
  /** Payload for Action is incomplete. */
  PROTOCOL_ERROR("ProtocolError"),
  /** A security issue prevented the receiver from completing the Action successfully. */
  SECURITY_ERROR("SecurityError"),
  /** Payload is syntactically incorrect or does not conform to the PDU structure for Action. */
  FORMATION_VIOLATION("FormationViolation"),
  /** A field contains an invalid value (enumeration, length, range, format). */
  PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
  /** A field violates its occurrence constraint (required field missing, too few items). */
  OCCURENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation"),
  /** A field violates its data type constraint (e.g. a string where an integer is expected). */
  TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation"),
  /** Any other error not covered by the previous ones. */
  GENERIC_ERROR("GenericError");

  private static final Map<String, ErrorCode> BY_WIRE = new HashMap<>();

  static {
    for (ErrorCode code : values()) {
      BY_WIRE.put(code.wire, code);
    }
  }

  private final String wire;

  ErrorCode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** The code with this exact (case-sensitive) wire spelling, if it is a 1.6 code. */
  public static Optional<ErrorCode> fromWire(String wire) {
    return Optional.ofNullable(BY_WIRE.get(wire));
  }
}
