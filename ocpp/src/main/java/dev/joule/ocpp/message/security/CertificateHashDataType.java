package dev.joule.ocpp.message.security;

import dev.joule.ocpp.schema.MaxLength;

/** OCPP 1.6 CertificateHashDataType (Security (whitepaper edition 3) profile). */
public record CertificateHashDataType(
    HashAlgorithmEnumType hashAlgorithm,
    @MaxLength(128) String issuerNameHash,
    @MaxLength(128) String issuerKeyHash,
    @MaxLength(40) String serialNumber) {}
