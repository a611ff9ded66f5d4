package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parsing of single values, shared by query, path and body parameters; failures name them. */
final class Params {
  private Params() {}

  /** A form's value trimmed, empty when absent or blank (a form's "none"). */
  static Optional<String> present(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * A form's time: an ISO-8601 instant, or a browser's {@code datetime-local} value ({@code
   * 2026-12-07T15:30}) read as UTC, the zone the console shows times in.
   */
  static Instant formInstant(String name, String value) {
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      return instant(name, value);
    }
  }

  /** An ISO-8601 instant; an offset ({@code +02:00}) is accepted and converted to UTC. */
  static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(
          name, "'" + value + "' is not an ISO-8601 instant such as 2026-11-24T10:15:30Z");
    }
  }

  static boolean bool(String name, String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badParameter(name, "'" + value + "' is not true or false");
    };
  }

  static int integer(String name, String value, int min, int max) {
    try {
      int number = Integer.parseInt(value);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below, like an out-of-range number
    }
    throw ApiException.badParameter(
        name, "'" + value + "' is not an integer from " + min + " to " + max);
  }

  /** A string field of a JSON body; absent and null are both "not given". */
  static Optional<String> stringField(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ApiException.badParameter(name, "must be a string");
    }
    return Optional.of(value.asText());
  }

  /** A string of 1 to {@code max} characters (code points, as OCPP's CiString counts them). */
  static String text(String name, String value, int max) {
    int length = value.codePointCount(0, value.length());
    if (length == 0 || length > max) {
      throw ApiException.badParameter(name, "must be 1 to " + max + " characters, got " + length);
    }
    return value;
  }
}
