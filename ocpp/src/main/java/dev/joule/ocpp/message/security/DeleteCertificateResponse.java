package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Response;

/**
 * OCPP 1.6 DeleteCertificate.conf (Security (whitepaper edition 3) profile, central system to
 * charge point).
 */
public record DeleteCertificateResponse(DeleteCertificateStatusEnumType status)
    implements Response {}
