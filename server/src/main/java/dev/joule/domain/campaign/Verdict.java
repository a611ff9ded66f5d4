package dev.joule.domain.campaign;

import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.command.Commands;
import java.util.Optional;

/**
 * What the outcome of a charger's campaign command means for it. Pure.
 *
 * <ul>
 *   <li>{@code rejected} (the charger refused, e.g. SignedUpdateFirmware InvalidCertificate) and
 *       {@code error} (a CALLERROR or a malformed answer): {@link #FAIL};
 *   <li>{@code offline} without being sent (the charger was not connected when its turn came):
 *       {@link #RETRY}, it goes back to pending and is tried again after the offline retry
 *       interval, until its timeout;
 *   <li>anything else keeps it in flight, waiting for its notifications: {@code accepted}; {@code
 *       timeout} and {@code offline} after sending (the charger may have acted on it without its
 *       answer reaching Joule); {@code error} {@value Commands#RESTARTED} (Joule restarted before
 *       the answer came, the charger may be updating). Its timeout ends it if nothing comes.
 * </ul>
 */
public enum Verdict {
  KEEP,
  FAIL,
  RETRY;

  /** {@code errorCode} as on the command: {@code NotConnected} for an offline one never sent. */
  public static Verdict of(CommandStatus status, Optional<String> errorCode) {
    return switch (status) {
      case QUEUED, SENT, ACCEPTED, TIMEOUT -> KEEP;
      case REJECTED -> FAIL;
      case ERROR -> errorCode.filter(Commands.RESTARTED::equals).isPresent() ? KEEP : FAIL;
      case OFFLINE -> errorCode.filter("NotConnected"::equals).isPresent() ? RETRY : KEEP;
    };
  }
}
