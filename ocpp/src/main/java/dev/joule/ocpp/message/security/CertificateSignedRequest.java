package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;

/**
 * OCPP 1.6 CertificateSigned.req (Security (whitepaper edition 3) profile, central system to charge
 * point).
 */
public record CertificateSignedRequest(@MaxLength(10000) String certificateChain)
    implements Request {}
