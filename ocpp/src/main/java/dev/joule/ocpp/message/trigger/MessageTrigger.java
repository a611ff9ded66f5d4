package dev.joule.ocpp.message.trigger;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 MessageTrigger (Remote Trigger profile). */
public enum MessageTrigger implements WireEnum {
  BOOT_NOTIFICATION("BootNotification"),
  DIAGNOSTICS_STATUS_NOTIFICATION("DiagnosticsStatusNotification"),
  FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
  HEARTBEAT("Heartbeat"),
  METER_VALUES("MeterValues"),
  STATUS_NOTIFICATION("StatusNotification");

  private final String wire;

  MessageTrigger(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
