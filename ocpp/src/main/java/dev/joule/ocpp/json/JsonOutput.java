package dev.joule.ocpp.json;

/**
 * Builds one JSON text (RFC 8259). The caller writes values in order and places the separators with
 * {@link #comma()}: the codec always knows the shape it writes, so nothing needs tracking.
 */
final class JsonOutput {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;

  JsonOutput(int capacity) {
    out = new StringBuilder(capacity);
  }

  JsonOutput raw(char c) {
    out.append(c);
    return this;
  }

  JsonOutput comma() {
    out.append(',');
    return this;
  }

  JsonOutput name(String name) {
    string(name);
    out.append(':');
    return this;
  }

  JsonOutput number(int value) {
    out.append(value);
    return this;
  }

  JsonOutput number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value); // 16 rather than 16.0: the same number, the form chargers expect
    } else {
      out.append(value);
    }
    return this;
  }

  JsonOutput bool(boolean value) {
    out.append(value);
    return this;
  }

  JsonOutput string(String value) {
    out.append('"');
    int run = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(value, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(value, run, length).append('"');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
