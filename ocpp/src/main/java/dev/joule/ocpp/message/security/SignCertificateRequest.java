package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;

/**
 * OCPP 1.6 SignCertificate.req (Security (whitepaper edition 3) profile, charge point to central
 * system).
 */
public record SignCertificateRequest(@MaxLength(5500) String csr) implements Request {}
