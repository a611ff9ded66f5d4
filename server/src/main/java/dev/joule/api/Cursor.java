package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code next} token of a page: the name of the list and the sort key of the page's last item,
 * as a JSON array in unpadded base64url. Opaque to clients; a token from another list, or one that
 * was edited, is a 400 naming {@code cursor}.
 */
final class Cursor {
  private static final String NOT_OURS =
      "not a cursor of this list; pass the 'next' value of the previous page unchanged";

  private Cursor() {}

  static String encode(String list, List<String> key) {
    List<String> parts = new ArrayList<>(key.size() + 1);
    parts.add(list);
    parts.addAll(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(parts));
  }

  /** The key a token carries, checked to belong to {@code list} and to have {@code size} parts. */
  static List<String> decode(String list, String token, int size) {
    JsonNode parts;
    try {
      byte[] json = Base64.getUrlDecoder().decode(token);
      parts = Json.readTree(new String(json, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badParameter("cursor", NOT_OURS);
    }
    if (!parts.isArray() || parts.size() != size + 1 || !list.equals(parts.get(0).asText())) {
      throw ApiException.badParameter("cursor", NOT_OURS);
    }
    List<String> key = new ArrayList<>(size);
    for (int i = 1; i <= size; i++) {
      if (!parts.get(i).isTextual()) {
        throw ApiException.badParameter("cursor", NOT_OURS);
      }
      key.add(parts.get(i).asText());
    }
    return List.copyOf(key);
  }
}
