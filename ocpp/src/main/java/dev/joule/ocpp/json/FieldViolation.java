package dev.joule.ocpp.json;

import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;

/**
 * A constraint failure deep inside a payload. The path to the field is added while the exception
 * unwinds, so the happy path pays nothing for error reporting.
 */
final class FieldViolation extends RuntimeException {
  private final ErrorCode errorCode;
  private final String reason;
  private String path = "";

  FieldViolation(ErrorCode errorCode, String reason) {
    super(reason, null, false, false);
    this.errorCode = errorCode;
    this.reason = reason;
  }

  FieldViolation inField(String name) {
    path = path.isEmpty() || path.startsWith("[") ? name + path : name + "." + path;
    return this;
  }

  FieldViolation atIndex(int index) {
    path = "[" + index + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path);
    return this;
  }

  OcppViolation toViolation(String payloadName) {
    String where = path.isEmpty() ? payloadName : payloadName + "." + path;
    return new OcppViolation(errorCode, where + ": " + reason);
  }
}
