package dev.joule.domain.command;

import java.time.Instant;
import java.util.Optional;

/**
 * A charger's report on a command it accepted: a LogStatusNotification for a GetLog, a
 * SignedFirmwareStatusNotification for a SignedUpdateFirmware, linked by their requestId.
 *
 * @param action the notification's action
 * @param status as the charger sent it ({@code Uploading}, {@code Installed}, ...)
 */
public record Notification(
    String action, String status, Optional<Integer> requestId, Instant receivedAt) {}
