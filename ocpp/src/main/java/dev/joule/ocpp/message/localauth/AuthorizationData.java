package dev.joule.ocpp.message.localauth;

import dev.joule.ocpp.message.core.IdTagInfo;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 AuthorizationData (Local Auth List Management profile). */
public record AuthorizationData(@MaxLength(20) String idTag, @Nullable IdTagInfo idTagInfo) {}
