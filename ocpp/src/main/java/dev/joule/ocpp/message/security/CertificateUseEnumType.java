package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 CertificateUseEnumType (Security (whitepaper edition 3) profile). */
public enum CertificateUseEnumType implements WireEnum {
  CENTRAL_SYSTEM_ROOT_CERTIFICATE("CentralSystemRootCertificate"),
  MANUFACTURER_ROOT_CERTIFICATE("ManufacturerRootCertificate");

  private final String wire;

  CertificateUseEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
