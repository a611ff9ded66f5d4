package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.security.AuthorizationKey;
import dev.joule.security.ChargerRegistrations;
import dev.joule.security.SecurityProfile;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PUT /api/v1/chargers/{id}}: {@code {"authorizationKey": "…",
 * "securityProfile": 1}}, both optional (absent or null: unchanged). The read-only fields of the
 * charger's GET answer and of the registration are ignored, so a fetched charger can be put back;
 * any other field is a 400. The key is checked here ({@link AuthorizationKey}) and never echoed.
 */
final class RegistrationUpdate {
  private static final Set<String> IGNORED =
      Set.of(
          "id",
          "chargerId",
          "vendor",
          "model",
          "firmware",
          "registrationStatus",
          "lastSeen",
          "lastBoot",
          "connected",
          "connectedSince",
          "connectors",
          "registeredAt",
          "lastHeartbeat",
          "boot",
          "localListVersion",
          "security",
          "authorizationKeySet",
          "pending");

  private RegistrationUpdate() {}

  static ChargerRegistrations.Registration parse(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.badParameter("body", "must be a JSON object");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("authorizationKey")
          && !name.equals("securityProfile")
          && !IGNORED.contains(name)) {
        throw ApiException.badParameter(
            name,
            "unknown field; a charger's registration has authorizationKey and securityProfile");
      }
    }
    Optional<String> key = Params.stringField(body, "authorizationKey");
    key.flatMap(AuthorizationKey::problem)
        .ifPresent(
            problem -> {
              throw ApiException.badParameter("authorizationKey", problem);
            });
    JsonNode profile = body.get("securityProfile");
    Optional<SecurityProfile> securityProfile = Optional.empty();
    if (profile != null && !profile.isNull()) {
      if (!profile.isInt() || profile.asInt() < 0 || profile.asInt() > 3) {
        throw ApiException.badParameter("securityProfile", "must be an integer from 0 to 3");
      }
      securityProfile = Optional.of(SecurityProfile.of(profile.asInt()));
    }
    return new ChargerRegistrations.Registration(key, securityProfile);
  }
}
