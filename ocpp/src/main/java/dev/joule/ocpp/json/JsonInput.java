package dev.joule.ocpp.json;

import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;

/**
 * A cursor over one JSON text (RFC 8259), read under the direction of a schema: the caller asks for
 * the value it expects next. Strings without escapes are never copied to be compared, which is what
 * makes decoding faster than a general-purpose tokenizer. Syntax errors are FormationViolation with
 * the offset where reading stopped.
 */
final class JsonInput {
  static final int END = -1;
  private static final int MAX_SKIP_DEPTH = 64;

  private final String text;
  private final char[] chars;
  private final int length;
  private int pos;

  /** Start and end (exclusive) of the content of the last string scanned by {@link #scanString}. */
  private int stringStart;

  private int stringEnd;
  private boolean stringEscaped;

  /** Set by {@link #scanNumber}: whether the number has neither fraction nor exponent. */
  private boolean numberIntegral;

  private int numberStart;

  /**
   * A per-thread buffer for the characters of the text being read: copying a MeterValues frame into
   * a new array each time was half of all the memory decoding allocated. {@link #borrow} takes it
   * when free; a nested read on the same thread gets its own array.
   */
  private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

  private static final int MAX_REUSED_CHARS = 64 * 1024;

  private static final class Buffer {
    char[] chars = new char[4096];
    boolean inUse;
  }

  private final Buffer buffer;

  JsonInput(String text) {
    this(text, text.toCharArray(), null);
  }

  private JsonInput(String text, char[] chars, Buffer buffer) {
    this.text = text;
    this.chars = chars;
    this.length = text.length();
    this.buffer = buffer;
  }

  /** An input over {@code text} using this thread's buffer; {@link #release} it when done. */
  static JsonInput borrow(String text) {
    Buffer buffer = BUFFERS.get();
    int length = text.length();
    if (buffer.inUse || length > MAX_REUSED_CHARS) {
      return new JsonInput(text);
    }
    if (buffer.chars.length < length) {
      buffer.chars = new char[Math.max(length, buffer.chars.length * 2)];
    }
    text.getChars(0, length, buffer.chars, 0);
    buffer.inUse = true;
    return new JsonInput(text, buffer.chars, buffer);
  }

  void release() {
    if (buffer != null) {
      buffer.inUse = false;
    }
  }

  String text() {
    return text;
  }

  int position() {
    return pos;
  }

  /** The next significant character, or {@link #END}; does not consume it. */
  int peek() {
    while (pos < length) {
      char c = chars[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return c;
      }
      pos++;
    }
    return END;
  }

  void expect(char c) {
    if (peek() != c) {
      throw syntax("expected '" + c + "'");
    }
    pos++;
  }

  boolean consume(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  void expectEnd(String what) {
    if (peek() != END) {
      throw syntax("text after the " + what);
    }
  }

  /**
   * Scans the string that starts at the current position (a '"'), leaving its bounds in {@link
   * #stringStart()} and {@link #stringEnd()}; {@link #stringEscaped()} tells whether it needs
   * decoding. Checks every escape, so that a string that is only skipped is checked too.
   */
  void scanString() {
    char[] cs = chars;
    int i = pos + 1;
    stringStart = i;
    stringEscaped = false;
    while (i < length) {
      char c = cs[i];
      if (c == '"') {
        stringEnd = i;
        pos = i + 1;
        return;
      }
      if (c == '\\') {
        stringEscaped = true;
        i = escapeEnd(i);
        continue;
      }
      if (c < 0x20) {
        pos = i;
        throw syntax("control character in a string");
      }
      i++;
    }
    pos = length;
    throw syntax("unterminated string");
  }

  /** Checks the escape whose backslash is at {@code i}; returns where it ends. */
  private int escapeEnd(int i) {
    if (i + 1 >= length) {
      throw syntaxAt(length, "unterminated string");
    }
    char e = chars[i + 1];
    switch (e) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
        return i + 2;
      }
      case 'u' -> {
        for (int k = i + 2; k < i + 6; k++) {
          if (k >= length) {
            throw syntaxAt(length, "unterminated string");
          }
          if (hexValue(chars[k]) < 0) {
            throw syntaxAt(i, "bad \\u escape");
          }
        }
        return i + 6;
      }
      default -> throw syntaxAt(i, "bad escape '\\" + e + "'");
    }
  }

  /** Looks the string just scanned up in {@code table}. */
  <T> T lookUp(NameTable<T> table) {
    return stringEscaped
        ? table.get(scannedString())
        : table.find(chars, stringStart, stringEnd - stringStart);
  }

  int stringStart() {
    return stringStart;
  }

  int stringEnd() {
    return stringEnd;
  }

  boolean stringEscaped() {
    return stringEscaped;
  }

  /** The decoded value of the string just scanned; {@link #scanString} checked its escapes. */
  String scannedString() {
    if (!stringEscaped) {
      return text.substring(stringStart, stringEnd);
    }
    StringBuilder out = new StringBuilder(stringEnd - stringStart);
    int i = stringStart;
    while (i < stringEnd) {
      char c = chars[i++];
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = chars[i++];
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          int code = 0;
          for (int k = 0; k < 4; k++) {
            code = code * 16 + hexValue(chars[i + k]);
          }
          out.append((char) code);
          i += 4;
        }
        default -> out.append(e); // '"', '\\' or '/'
      }
    }
    return out.toString();
  }

  /** Reads the string at the current position. */
  String readString() {
    scanString();
    return scannedString();
  }

  /**
   * Scans the number at the current position; returns its end. {@link #numberIntegral()} tells
   * whether it has neither fraction nor exponent.
   */
  int scanNumber() {
    int i = pos;
    numberStart = i;
    if (i < length && chars[i] == '-') {
      i++;
    }
    int digits = i;
    if (i < length && chars[i] == '0') {
      i++;
    } else {
      while (i < length && isDigit(chars[i])) {
        i++;
      }
    }
    if (i == digits) {
      throw syntaxAt(i, "expected a value");
    }
    numberIntegral = true;
    if (i < length && chars[i] == '.') {
      numberIntegral = false;
      int fraction = ++i;
      while (i < length && isDigit(chars[i])) {
        i++;
      }
      if (i == fraction) {
        throw syntaxAt(i, "expected a digit");
      }
    }
    if (i < length && (chars[i] == 'e' || chars[i] == 'E')) {
      numberIntegral = false;
      i++;
      if (i < length && (chars[i] == '+' || chars[i] == '-')) {
        i++;
      }
      int exponent = i;
      while (i < length && isDigit(chars[i])) {
        i++;
      }
      if (i == exponent) {
        throw syntaxAt(i, "expected a digit");
      }
    }
    pos = i;
    return i;
  }

  boolean numberIntegral() {
    return numberIntegral;
  }

  int numberStart() {
    return numberStart;
  }

  /**
   * The integral number just scanned, if it has at most 18 digits; otherwise {@link Long#MIN_VALUE}
   * (too large for any OCPP integer).
   */
  long scannedLong(int end) {
    int i = numberStart;
    boolean negative = chars[i] == '-';
    if (negative) {
      i++;
    }
    if (end - i > 18) {
      return Long.MIN_VALUE;
    }
    long value = 0;
    for (; i < end; i++) {
      value = value * 10 + (chars[i] - '0');
    }
    return negative ? -value : value;
  }

  double scannedDouble(int end) {
    if (numberIntegral && end - numberStart <= 15) {
      return scannedLong(end);
    }
    return Double.parseDouble(text.substring(numberStart, end));
  }

  /** Reads {@code true}, {@code false} or {@code null} at the current position. */
  void literal(String word) {
    if (!text.startsWith(word, pos)) {
      throw syntax("expected a value");
    }
    pos += word.length();
  }

  /** Skips one value of any kind, checking its syntax. */
  void skipValue() {
    skipValue(0);
  }

  /** {@code depth}: how many arrays and objects enclose the value. */
  private void skipValue(int depth) {
    int c = peek();
    switch (c) {
      case '"' -> scanString();
      case '{' -> {
        checkDepth(depth);
        pos++;
        if (!consume('}')) {
          do {
            if (peek() != '"') {
              throw syntax("expected a field name");
            }
            scanString();
            expect(':');
            skipValue(depth + 1);
          } while (consume(','));
          expect('}');
        }
      }
      case '[' -> {
        checkDepth(depth);
        pos++;
        if (!consume(']')) {
          do {
            skipValue(depth + 1);
          } while (consume(','));
          expect(']');
        }
      }
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> scanNumber();
    }
  }

  /** Refuses an array or object inside 64 others: it would be level 65. */
  private void checkDepth(int depth) {
    if (depth >= MAX_SKIP_DEPTH) {
      throw syntax("nested deeper than " + MAX_SKIP_DEPTH + " levels");
    }
  }

  /** What the value at the current position is, for error messages; does not consume it. */
  String describeValue() {
    int c = peek();
    return switch (c) {
      case '"' -> "a string";
      case '{' -> "an object";
      case '[' -> "an array";
      case 't', 'f' -> "a boolean";
      case 'n' -> "null";
      case END -> "nothing";
      default -> {
        int start = pos;
        scanNumber();
        boolean integral = numberIntegral;
        pos = start;
        yield integral ? "an integer" : "a number";
      }
    };
  }

  OcppViolation syntax(String what) {
    return syntaxAt(pos, what);
  }

  private static OcppViolation syntaxAt(int at, String what) {
    return new OcppViolation(
        ErrorCode.FORMATION_VIOLATION, "not valid JSON at offset " + at + ": " + what);
  }

  /** The value of an ASCII hex digit, or -1 (Character.digit also takes non-ASCII digits). */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
