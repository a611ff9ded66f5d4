package dev.joule.ocpp.message.core;

import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/** OCPP 1.6 IdTagInfo (Core profile). */
public record IdTagInfo(
    @Nullable Instant expiryDate,
    @Nullable @MaxLength(20) String parentIdTag,
    AuthorizationStatus status) {}
