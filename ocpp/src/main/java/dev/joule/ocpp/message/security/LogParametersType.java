package dev.joule.ocpp.message.security;

import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/** OCPP 1.6 LogParametersType (Security (whitepaper edition 3) profile). */
public record LogParametersType(
    @MaxLength(512) String remoteLocation,
    @Nullable Instant oldestTimestamp,
    @Nullable Instant latestTimestamp) {}
