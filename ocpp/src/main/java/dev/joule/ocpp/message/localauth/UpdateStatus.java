package dev.joule.ocpp.message.localauth;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 UpdateStatus (Local Auth List Management profile). */
public enum UpdateStatus implements WireEnum {
  ACCEPTED("Accepted"),
  FAILED("Failed"),
  NOT_SUPPORTED("NotSupported"),
  VERSION_MISMATCH("VersionMismatch");

  private final String wire;

  UpdateStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
