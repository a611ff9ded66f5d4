package dev.joule.ocpp.message.firmware;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Nullable;
import dev.joule.ocpp.schema.Uri;
import java.time.Instant;

/** OCPP 1.6 UpdateFirmware.req (Firmware Management profile, central system to charge point). */
public record UpdateFirmwareRequest(
    @Uri String location,
    @Nullable Integer retries,
    Instant retrieveDate,
    @Nullable Integer retryInterval)
    implements Request {}
