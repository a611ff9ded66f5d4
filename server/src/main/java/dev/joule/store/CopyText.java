package dev.joule.store;

/**
 * PostgreSQL's COPY text format: the four characters that must be escaped inside a field, and
 * U+0000, which PostgreSQL text cannot hold (valid in a WebSocket text frame: one such frame would
 * otherwise fail its whole batch), replaced by U+FFFD.
 */
final class CopyText {
  private CopyText() {}

  /** Appends {@code value} as one field; null is stored as the empty string. */
  static StringBuilder appendField(StringBuilder out, String value) {
    if (value == null) {
      return out;
    }
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\0' -> out.append('\uFFFD');
        default -> out.append(c);
      }
    }
    return out;
  }
}
