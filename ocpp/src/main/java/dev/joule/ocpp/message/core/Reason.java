package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 Reason (Core profile). */
public enum Reason implements WireEnum {
  EMERGENCY_STOP("EmergencyStop"),
  EV_DISCONNECTED("EVDisconnected"),
  HARD_RESET("HardReset"),
  LOCAL("Local"),
  OTHER("Other"),
  POWER_LOSS("PowerLoss"),
  REBOOT("Reboot"),
  REMOTE("Remote"),
  SOFT_RESET("SoftReset"),
  UNLOCK_COMMAND("UnlockCommand"),
  DE_AUTHORIZED("DeAuthorized");

  private final String wire;

  Reason(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
