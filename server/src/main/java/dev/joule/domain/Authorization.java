package dev.joule.domain;

import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.ocpp.message.core.IdTagInfo;
import dev.joule.store.IdTagRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides what an idTag may do: the operator's list, compared case-insensitively; an expired tag is
 * Expired; an unknown tag gets the configured answer (Invalid, or Accepted in the demo).
 */
public final class Authorization {
  private final IdTagRepository idTags;
  private final AuthorizationStatus unknownTags;

  public Authorization(IdTagRepository idTags, AuthorizationStatus unknownTags) {
    this.idTags = idTags;
    this.unknownTags = unknownTags;
  }

  public IdTagInfo authorize(Connection connection, String idTag, Instant now) {
    Optional<IdTagRepository.IdTag> known = idTags.find(connection, idTag);
    if (known.isEmpty()) {
      return new IdTagInfo(null, null, unknownTags);
    }
    IdTagRepository.IdTag tag = known.get();
    AuthorizationStatus status =
        tag.expiryDate().filter(expiry -> !expiry.isAfter(now)).isPresent()
            ? AuthorizationStatus.EXPIRED
            : statusOf(tag.status());
    return new IdTagInfo(tag.expiryDate().orElse(null), tag.parentIdTag().orElse(null), status);
  }

  private static AuthorizationStatus statusOf(String stored) {
    for (AuthorizationStatus status : AuthorizationStatus.values()) {
      if (status.wire().equals(stored)) {
        return status;
      }
    }
    return AuthorizationStatus.INVALID;
  }
}
