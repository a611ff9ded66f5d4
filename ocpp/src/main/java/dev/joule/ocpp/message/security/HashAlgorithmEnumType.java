package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 HashAlgorithmEnumType (Security (whitepaper edition 3) profile). */
public enum HashAlgorithmEnumType implements WireEnum {
  SHA256("SHA256"),
  SHA384("SHA384"),
  SHA512("SHA512");

  private final String wire;

  HashAlgorithmEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
