package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ChargingProfilePurposeType (Smart Charging profile). */
public enum ChargingProfilePurposeType implements WireEnum {
  CHARGE_POINT_MAX_PROFILE("ChargePointMaxProfile"),
  TX_DEFAULT_PROFILE("TxDefaultProfile"),
  TX_PROFILE("TxProfile");

  private final String wire;

  ChargingProfilePurposeType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
