package dev.joule.domain.command;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.WireEnum;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * Whether a charger's CALLRESULT accepts or refuses a command. A business refusal is a normal
 * CALLRESULT (OCPP-J 1.6 §4.2.3), so the answer's {@code status} decides:
 *
 * <ul>
 *   <li>{@code Accepted} is accepted for every action with a status;
 *   <li>also accepted: ChangeAvailability {@code Scheduled} (applied after the running
 *       transaction), ChangeConfiguration {@code RebootRequired} (stored, effective after a
 *       reboot), UnlockConnector {@code Unlocked}, GetLog and SignedUpdateFirmware {@code
 *       AcceptedCanceled} (accepted, an earlier request was cancelled);
 *   <li>every other status is rejected (e.g. {@code Rejected}, {@code NotSupported}, {@code
 *       UnlockFailed}, {@code VersionMismatch}, {@code Occupied}, {@code UnknownVendorId});
 *   <li>GetConfiguration, GetDiagnostics, UpdateFirmware and GetLocalListVersion answer without a
 *       status: their CALLRESULT is the answer, so they are accepted.
 * </ul>
 *
 * The switch is over the whole action table, without default: a new action must be decided here.
 */
public final class Outcomes {
  private Outcomes() {}

  /** The status of a command whose charger answered {@code response}. */
  public static CommandStatus of(Action action, Response response) {
    return switch (action) {
      case GET_CONFIGURATION, GET_DIAGNOSTICS, UPDATE_FIRMWARE, GET_LOCAL_LIST_VERSION ->
          CommandStatus.ACCEPTED;
      case CHANGE_AVAILABILITY -> status(response, "Accepted", "Scheduled");
      case CHANGE_CONFIGURATION -> status(response, "Accepted", "RebootRequired");
      case UNLOCK_CONNECTOR -> status(response, "Unlocked");
      case GET_LOG, SIGNED_UPDATE_FIRMWARE -> status(response, "Accepted", "AcceptedCanceled");
      case CLEAR_CACHE,
          DATA_TRANSFER,
          REMOTE_START_TRANSACTION,
          REMOTE_STOP_TRANSACTION,
          RESET,
          SEND_LOCAL_LIST,
          CANCEL_RESERVATION,
          RESERVE_NOW,
          CLEAR_CHARGING_PROFILE,
          GET_COMPOSITE_SCHEDULE,
          SET_CHARGING_PROFILE,
          TRIGGER_MESSAGE,
          CERTIFICATE_SIGNED,
          INSTALL_CERTIFICATE,
          DELETE_CERTIFICATE,
          GET_INSTALLED_CERTIFICATE_IDS,
          EXTENDED_TRIGGER_MESSAGE ->
          status(response, "Accepted");
      case AUTHORIZE,
          BOOT_NOTIFICATION,
          HEARTBEAT,
          METER_VALUES,
          START_TRANSACTION,
          STATUS_NOTIFICATION,
          STOP_TRANSACTION,
          DIAGNOSTICS_STATUS_NOTIFICATION,
          FIRMWARE_STATUS_NOTIFICATION,
          SIGN_CERTIFICATE,
          SECURITY_EVENT_NOTIFICATION,
          SIGNED_FIRMWARE_STATUS_NOTIFICATION,
          LOG_STATUS_NOTIFICATION ->
          throw new IllegalArgumentException(action.wire() + " is not a central-system command");
    };
  }

  /** The wire value of the response's {@code status} component. */
  static String statusOf(Response response) {
    for (RecordComponent component : response.getClass().getRecordComponents()) {
      if (component.getName().equals("status")) {
        try {
          return ((WireEnum) component.getAccessor().invoke(response)).wire();
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalArgumentException(response.getClass().getSimpleName() + " has no status");
  }

  private static CommandStatus status(Response response, String... accepting) {
    return Set.of(accepting).contains(statusOf(response))
        ? CommandStatus.ACCEPTED
        : CommandStatus.REJECTED;
  }
}
