package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Nullable;

/**
 * OCPP 1.6 GetLog.req (Security (whitepaper edition 3) profile, central system to charge point).
 */
public record GetLogRequest(
    LogParametersType log,
    LogEnumType logType,
    int requestId,
    @Nullable Integer retries,
    @Nullable Integer retryInterval)
    implements Request {}
