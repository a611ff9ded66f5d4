package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Response;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;

/**
 * OCPP 1.6 GetLog.conf (Security (whitepaper edition 3) profile, central system to charge point).
 */
public record GetLogResponse(LogStatusEnumType status, @Nullable @MaxLength(255) String filename)
    implements Response {}
