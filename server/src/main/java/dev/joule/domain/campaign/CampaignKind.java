package dev.joule.domain.campaign;

import dev.joule.ocpp.Action;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a campaign sends and which notification follows it: UpdateFirmware and
 * FirmwareStatusNotification (OCPP 1.6 §5.16, §4.5), SignedUpdateFirmware and
 * SignedFirmwareStatusNotification (security whitepaper edition 3), GetDiagnostics and
 * DiagnosticsStatusNotification (§5.9, §4.4), GetLog and LogStatusNotification (whitepaper).
 */
public enum CampaignKind {
  FIRMWARE("firmware", Action.UPDATE_FIRMWARE, Action.FIRMWARE_STATUS_NOTIFICATION),
  SIGNED_FIRMWARE(
      "signed-firmware", Action.SIGNED_UPDATE_FIRMWARE, Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION),
  DIAGNOSTICS("diagnostics", Action.GET_DIAGNOSTICS, Action.DIAGNOSTICS_STATUS_NOTIFICATION),
  LOG("log", Action.GET_LOG, Action.LOG_STATUS_NOTIFICATION);

  private final String wire;
  private final Action command;
  private final Action notification;

  CampaignKind(String wire, Action command, Action notification) {
    this.wire = wire;
    this.command = command;
    this.notification = notification;
  }

  public String wire() {
    return wire;
  }

  /** The command every charger of the campaign gets. */
  public Action command() {
    return command;
  }

  /** The notification that reports how the command goes on the charger. */
  public Action notification() {
    return notification;
  }

  /** The requests of this kind carry a requestId the notification repeats (whitepaper). */
  public boolean hasRequestId() {
    return this == SIGNED_FIRMWARE || this == LOG;
  }

  /** Firmware campaigns report downloaded and installed; the others uploaded. */
  public boolean isFirmware() {
    return this == FIRMWARE || this == SIGNED_FIRMWARE;
  }

  /**
   * The kinds whose command a charger must not get while one of these is in flight on it: a charger
   * installs one firmware at a time, and a FirmwareStatusNotification names no request, so two
   * firmware campaigns in flight on one charger could not be told apart.
   */
  public Set<CampaignKind> conflicting() {
    return isFirmware() ? EnumSet.of(FIRMWARE, SIGNED_FIRMWARE) : EnumSet.of(this);
  }

  public static Optional<CampaignKind> fromWire(String wire) {
    return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
  }

  /** The kind whose notification {@code action} is, if any. */
  public static Optional<CampaignKind> ofNotification(Action action) {
    return Arrays.stream(values()).filter(k -> k.notification == action).findFirst();
  }
}
