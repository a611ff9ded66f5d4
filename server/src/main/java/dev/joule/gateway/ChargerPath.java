package dev.joule.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The charge point identity in a connection URL: {@code /ocpp/{id}} with the id percent-encoded
 * (OCPP-J 1.6 §3.1.1, e.g. {@code /ocpp/RDAM%20123}). Identities may contain ':' and spaces.
 */
final class ChargerPath {
  static final String PREFIX = "/ocpp/";

  private ChargerPath() {}

  /**
   * The decoded identity, or empty when the path is not {@code /ocpp/} followed by exactly one
   * non-empty segment of valid percent-encoded UTF-8. Only '%' escapes are decoded: in a path, '+'
   * is a plus sign, not a space.
   */
  static Optional<String> chargerId(String rawPath) {
    if (!rawPath.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String segment = rawPath.substring(PREFIX.length());
    if (segment.isEmpty() || segment.indexOf('/') >= 0) {
      return Optional.empty();
    }
    return segment.indexOf('%') < 0 ? Optional.of(segment) : decode(segment);
  }

  private static Optional<String> decode(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c != '%') {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        continue;
      }
      if (i + 2 >= segment.length()) {
        return Optional.empty();
      }
      int high = Character.digit(segment.charAt(i + 1), 16);
      int low = Character.digit(segment.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return Optional.empty();
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      String id =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
