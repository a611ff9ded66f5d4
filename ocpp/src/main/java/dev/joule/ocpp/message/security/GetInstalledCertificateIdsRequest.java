package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;

/**
 * OCPP 1.6 GetInstalledCertificateIds.req (Security (whitepaper edition 3) profile, central system
 * to charge point).
 */
public record GetInstalledCertificateIdsRequest(CertificateUseEnumType certificateType)
    implements Request {}
