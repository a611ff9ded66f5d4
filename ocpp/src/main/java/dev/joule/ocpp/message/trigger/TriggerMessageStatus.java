package dev.joule.ocpp.message.trigger;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 TriggerMessageStatus (Remote Trigger profile). */
public enum TriggerMessageStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  NOT_IMPLEMENTED("NotImplemented");

  private final String wire;

  TriggerMessageStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
