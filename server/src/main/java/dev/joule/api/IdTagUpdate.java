package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PUT /id-tags/{idTag}}: {@code {"status": "Accepted", "expiryDate":
 * "2027-01-01T00:00:00Z", "parentIdTag": "FLEET-1"}}, the last two optional (absent or null: none).
 * The read-only fields of the GET answer ({@code idTag}, {@code createdAt}, {@code updatedAt}) are
 * ignored, so a fetched tag can be edited and put back; {@code idTag}, if given, must name the same
 * tag. Any other field is a 400.
 */
record IdTagUpdate(IdTagStatus status, Optional<Instant> expiryDate, Optional<String> parentIdTag) {
  static final int MAX_LENGTH = 20; // IdToken is CiString20Type

  private static final Set<String> FIELDS =
      Set.of("status", "expiryDate", "parentIdTag", "idTag", "createdAt", "updatedAt");

  static IdTagUpdate parse(String idTag, JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.badParameter("body", "must be a JSON object");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiException.badParameter(
            name, "unknown field; an idTag has status, expiryDate and parentIdTag");
      }
    }
    Optional<String> named = Params.stringField(body, "idTag");
    if (named.isPresent() && !named.get().equalsIgnoreCase(idTag)) {
      throw ApiException.badParameter("idTag", "must be the idTag of the path, or absent");
    }
    String status =
        Params.stringField(body, "status")
            .orElseThrow(() -> ApiException.badParameter("status", "is required"));
    return new IdTagUpdate(
        IdTagStatus.parse("status", status),
        Params.stringField(body, "expiryDate").map(value -> Params.instant("expiryDate", value)),
        Params.stringField(body, "parentIdTag")
            .map(value -> Params.text("parentIdTag", value, MAX_LENGTH)));
  }
}
