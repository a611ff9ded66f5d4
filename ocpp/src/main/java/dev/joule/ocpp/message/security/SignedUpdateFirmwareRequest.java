package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Nullable;

/**
 * OCPP 1.6 SignedUpdateFirmware.req (Security (whitepaper edition 3) profile, central system to
 * charge point).
 */
public record SignedUpdateFirmwareRequest(
    @Nullable Integer retries,
    @Nullable Integer retryInterval,
    int requestId,
    FirmwareType firmware)
    implements Request {}
