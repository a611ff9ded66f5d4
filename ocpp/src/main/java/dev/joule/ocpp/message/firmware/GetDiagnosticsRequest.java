package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Nullable;
import dev.joule.ocpp.schema.Uri;
import java.time.Instant;

/** OCPP 1.6 GetDiagnostics.req (Firmware Management profile, central system to charge point). */
public record GetDiagnosticsRequest(
    @Uri String location,
    @Nullable Integer retries,
    @Nullable Integer retryInterval,
    @Nullable Instant startTime,
    @Nullable Instant stopTime)
    implements Request {}
