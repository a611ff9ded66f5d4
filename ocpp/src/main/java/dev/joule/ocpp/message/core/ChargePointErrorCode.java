package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 ChargePointErrorCode (Core profile). */
public enum ChargePointErrorCode implements WireEnum {
  CONNECTOR_LOCK_FAILURE("ConnectorLockFailure"),
  EV_COMMUNICATION_ERROR("EVCommunicationError"),
  GROUND_FAILURE("GroundFailure"),
  HIGH_TEMPERATURE("HighTemperature"),
  INTERNAL_ERROR("InternalError"),
  LOCAL_LIST_CONFLICT("LocalListConflict"),
  NO_ERROR("NoError"),
  OTHER_ERROR("OtherError"),
  OVER_CURRENT_FAILURE("OverCurrentFailure"),
  POWER_METER_FAILURE("PowerMeterFailure"),
  POWER_SWITCH_FAILURE("PowerSwitchFailure"),
  READER_FAILURE("ReaderFailure"),
  RESET_FAILURE("ResetFailure"),
  UNDER_VOLTAGE("UnderVoltage"),
  OVER_VOLTAGE("OverVoltage"),
  WEAK_SIGNAL("WeakSignal");

  private final String wire;

  ChargePointErrorCode(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
