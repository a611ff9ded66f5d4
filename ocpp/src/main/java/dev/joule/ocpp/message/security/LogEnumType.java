package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 LogEnumType (Security (whitepaper edition 3) profile). */
public enum LogEnumType implements WireEnum {
  DIAGNOSTICS_LOG("DiagnosticsLog"),
  SECURITY_LOG("SecurityLog");

  private final String wire;

  LogEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
