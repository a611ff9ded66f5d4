package dev.joule.ocpp.message.security;

import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;

/** OCPP 1.6 FirmwareType (Security (whitepaper edition 3) profile). */
public record FirmwareType(
    @MaxLength(512) String location,
    Instant retrieveDateTime,
    @Nullable Instant installDateTime,
    @MaxLength(5500) String signingCertificate,
    @MaxLength(800) String signature) {}
