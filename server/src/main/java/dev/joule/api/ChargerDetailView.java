package dev.joule.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * One charger: the fields of the list, then when it registered, its last heartbeat and the hardware
 * details of its last BootNotification, and the local authorization list version it last accepted
 * (SendLocalList) or reported (GetLocalListVersion), null when unknown; then its security
 * registration.
 */
public record ChargerDetailView(
    @JsonUnwrapped ChargerView charger,
    Instant registeredAt,
    Instant lastHeartbeat,
    BootDetails boot,
    Integer localListVersion,
    Security security) {

  /**
   * Its authentication (decision 0011): its own security profile (the effective one is at least
   * {@code security-profile}), whether a key is set (never the key) and whether it waits for an
   * operator's acceptance ({@code POST /api/v1/chargers/{id}/accept}).
   */
  record Security(int securityProfile, boolean authorizationKeySet, boolean pending) {}

  /** Hardware identity from the last BootNotification; null where the charger sent none. */
  public record BootDetails(
      String chargePointSerial,
      String chargeBoxSerial,
      String iccid,
      String imsi,
      String meterType,
      String meterSerial) {}
}
