package dev.joule.profile.core;

import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.ocpp.message.core.RegistrationStatus;
import java.time.Duration;

/**
 * Policy of the Core profile.
 *
 * @param heartbeatInterval interval given to chargers in BootNotification.conf
 * @param bootStatus answer to BootNotification: Accepted, or Pending/Rejected by policy
 * @param unknownIdTags answer for idTags not in the list: Invalid, or Accepted for a demo
 */
public record CoreSettings(
    Duration heartbeatInterval, RegistrationStatus bootStatus, AuthorizationStatus unknownIdTags) {}
