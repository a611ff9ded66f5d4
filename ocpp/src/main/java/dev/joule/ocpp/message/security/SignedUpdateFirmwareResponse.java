package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Response;

/**
 * OCPP 1.6 SignedUpdateFirmware.conf (Security (whitepaper edition 3) profile, central system to
 * charge point).
 */
public record SignedUpdateFirmwareResponse(UpdateFirmwareStatusEnumType status)
    implements Response {}
