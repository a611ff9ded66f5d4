package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.Response;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;

/** OCPP 1.6 GetDiagnostics.conf (Firmware Management profile, central system to charge point). */
public record GetDiagnosticsResponse(@Nullable @MaxLength(255) String fileName)
    implements Response {}
