package dev.joule.store;

/** PostgreSQL's COPY text format: the four characters that must be escaped inside a field. */
final class CopyText {
  private CopyText() {}

  /** Appends {@code value} as one field (no NUL allowed: PostgreSQL text cannot hold it). */
  static StringBuilder appendField(StringBuilder out, String value) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out;
  }
}
