package dev.joule.ocpp.message.security;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 MessageTriggerEnumType (Security (whitepaper edition 3) profile). */
public enum MessageTriggerEnumType implements WireEnum {
  BOOT_NOTIFICATION("BootNotification"),
  LOG_STATUS_NOTIFICATION("LogStatusNotification"),
  FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
  HEARTBEAT("Heartbeat"),
  METER_VALUES("MeterValues"),
  SIGN_CHARGE_POINT_CERTIFICATE("SignChargePointCertificate"),
  STATUS_NOTIFICATION("StatusNotification");

  private final String wire;

  MessageTriggerEnumType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
