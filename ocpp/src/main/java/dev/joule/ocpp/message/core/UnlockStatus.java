package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 UnlockStatus (Core profile). */
public enum UnlockStatus implements WireEnum {
  UNLOCKED("Unlocked"),
  UNLOCK_FAILED("UnlockFailed"),
  NOT_SUPPORTED("NotSupported");

  private final String wire;

  UnlockStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
