package dev.joule.ocpp.message.core;

import dev.joule.ocpp.WireEnum;

/** OCPP 1.6 DataTransferStatus (Core profile). */
public enum DataTransferStatus implements WireEnum {
  ACCEPTED("Accepted"),
  REJECTED("Rejected"),
  UNKNOWN_MESSAGE_ID("UnknownMessageId"),
  UNKNOWN_VENDOR_ID("UnknownVendorId");

  private final String wire;

  DataTransferStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
