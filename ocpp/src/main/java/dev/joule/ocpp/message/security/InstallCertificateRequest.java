package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;

/**
 * OCPP 1.6 InstallCertificate.req (Security (whitepaper edition 3) profile, central system to
 * charge point).
 */
public record InstallCertificateRequest(
    CertificateUseEnumType certificateType, @MaxLength(5500) String certificate)
    implements Request {}
