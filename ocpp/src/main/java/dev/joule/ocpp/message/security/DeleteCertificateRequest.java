package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;

/**
 * OCPP 1.6 DeleteCertificate.req (Security (whitepaper edition 3) profile, central system to charge
 * point).
 */
public record DeleteCertificateRequest(CertificateHashDataType certificateHashData)
    implements Request {}
