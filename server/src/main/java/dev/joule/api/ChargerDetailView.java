package dev.joule.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * One charger: the fields of the list, then when it registered, its last heartbeat and the hardware
 * details of its last BootNotification, and the local authorization list version it last accepted
 * (SendLocalList) or reported (GetLocalListVersion), null when unknown.
 */
public record ChargerDetailView(
    @JsonUnwrapped ChargerView charger,
    Instant registeredAt,
    Instant lastHeartbeat,
    BootDetails boot,
    Integer localListVersion) {

  /** Hardware identity from the last BootNotification; null where the charger sent none. */
  public record BootDetails(
      String chargePointSerial,
      String chargeBoxSerial,
      String iccid,
      String imsi,
      String meterType,
      String meterSerial) {}
}
