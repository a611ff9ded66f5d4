package dev.joule.profile.security;

import java.util.Set;

/**
 * Which SecurityEventNotification types are critical. "Improved security for OCPP 1.6-J" edition 3,
 * appendix "Security events": the table lists the standard types and marks these critical (a
 * charger pushes critical ones to the Central System at once, the others only into its security
 * log). Cross-checked against the same table as Open OCPP carries it ({@code SecurityManager.cpp},
 * {@code s_security_events}). A type not in the table (vendor-specific, or a future one) is kept as
 * not critical.
 */
public final class SecurityEventTypes {
  private static final Set<String> CRITICAL =
      Set.of(
          "FirmwareUpdated",
          "SettingSystemTime",
          "StartupOfTheDevice",
          "ResetOrReboot",
          "SecurityLogWasCleared",
          "MemoryExhaustion",
          "TamperDetectionActivated");

  private SecurityEventTypes() {}

  /** Case-sensitive, as the wire names are. */
  public static boolean critical(String type) {
    return CRITICAL.contains(type);
  }
}
