package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ConfigurationStatus (Core profile). */
public enum ConfigurationStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  REBOOT_REQUIRED("RebootRequired"),
  NOT_SUPPORTED("NotSupported");

  private final String wire;

  ConfigurationStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
