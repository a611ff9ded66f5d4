package dev.joule.sim;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.json.OcppJson;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Constant valid answers, as CALLRESULT payloads: a simulated charger's answer to every command a
 * central system may send, and a bare central system's answer to every CALL a charger may send
 * (what {@link CeilingServer} replies). The payloads are parsed and validated when this class
 * loads, so a wrong one fails at once rather than under load.
 */
final class Answers {
  /** A fixed timestamp: the ceiling server answers constants, not the time. */
  static final String CURRENT_TIME = "2026-11-24T12:00:00Z";

  private static final Map<Action, String> TO_CHARGER_CALLS =
      table(
          Action.AUTHORIZE, "{\"idTagInfo\":{\"status\":\"Accepted\"}}",
          Action.BOOT_NOTIFICATION,
              "{\"status\":\"Accepted\",\"currentTime\":\"" + CURRENT_TIME + "\",\"interval\":300}",
          Action.DATA_TRANSFER, "{\"status\":\"Accepted\"}",
          Action.HEARTBEAT, "{\"currentTime\":\"" + CURRENT_TIME + "\"}",
          Action.METER_VALUES, "{}",
          Action.START_TRANSACTION, "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":1}",
          Action.STATUS_NOTIFICATION, "{}",
          Action.STOP_TRANSACTION, "{}",
          Action.DIAGNOSTICS_STATUS_NOTIFICATION, "{}",
          Action.FIRMWARE_STATUS_NOTIFICATION, "{}",
          Action.SIGN_CERTIFICATE, "{\"status\":\"Accepted\"}",
          Action.SECURITY_EVENT_NOTIFICATION, "{}",
          Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION, "{}",
          Action.LOG_STATUS_NOTIFICATION, "{}");

  private static final String ACCEPTED = "{\"status\":\"Accepted\"}";

  /**
   * Commands are accepted without being acted on (the charger does not reset, start or reserve), so
   * that command round trips can be measured (firmware, diagnostics and log commands are acted on
   * instead: {@link Updates}; their entries here stay the constant answers); where accepting would
   * need data the simulator does not have, the answer is the spec's refusal (GetCompositeSchedule
   * Rejected, GetInstalledCertificateIds NotFound).
   */
  private static final Map<Action, String> TO_COMMANDS =
      table(
          Action.CHANGE_AVAILABILITY, ACCEPTED,
          Action.CHANGE_CONFIGURATION, ACCEPTED,
          Action.CLEAR_CACHE, ACCEPTED,
          Action.DATA_TRANSFER, ACCEPTED,
          Action.GET_CONFIGURATION,
              "{\"configurationKey\":["
                  + "{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"},"
                  + "{\"key\":\"MeterValueSampleInterval\",\"readonly\":false,\"value\":\"60\"},"
                  + "{\"key\":\"NumberOfConnectors\",\"readonly\":true,\"value\":\"1\"}],"
                  + "\"unknownKey\":[]}",
          Action.REMOTE_START_TRANSACTION, ACCEPTED,
          Action.REMOTE_STOP_TRANSACTION, ACCEPTED,
          Action.RESET, ACCEPTED,
          Action.UNLOCK_CONNECTOR, "{\"status\":\"Unlocked\"}",
          Action.GET_DIAGNOSTICS, "{}",
          Action.UPDATE_FIRMWARE, "{}",
          Action.GET_LOCAL_LIST_VERSION, "{\"listVersion\":0}",
          Action.SEND_LOCAL_LIST, ACCEPTED,
          Action.CANCEL_RESERVATION, ACCEPTED,
          Action.RESERVE_NOW, ACCEPTED,
          Action.CLEAR_CHARGING_PROFILE, ACCEPTED,
          Action.GET_COMPOSITE_SCHEDULE, "{\"status\":\"Rejected\"}",
          Action.SET_CHARGING_PROFILE, ACCEPTED,
          Action.TRIGGER_MESSAGE, ACCEPTED,
          Action.CERTIFICATE_SIGNED, ACCEPTED,
          Action.INSTALL_CERTIFICATE, ACCEPTED,
          Action.DELETE_CERTIFICATE, ACCEPTED,
          Action.GET_INSTALLED_CERTIFICATE_IDS, "{\"status\":\"NotFound\"}",
          Action.GET_LOG, ACCEPTED,
          Action.EXTENDED_TRIGGER_MESSAGE, ACCEPTED,
          Action.SIGNED_UPDATE_FIRMWARE, ACCEPTED);

  private static final Map<Action, Response> COMMAND_RESPONSES =
      parsed(TO_COMMANDS, OcppJson.forCentralSystem());

  static {
    parsed(TO_CHARGER_CALLS, OcppJson.forChargePoint());
  }

  private Answers() {}

  /** The simulated charger's answer to a command, empty if the charger never receives it. */
  static Optional<Response> toCommand(Action action) {
    return Optional.ofNullable(COMMAND_RESPONSES.get(action));
  }

  /** The bare central system's CALLRESULT payload for a charger CALL, empty if none. */
  static Optional<String> toChargerCall(Action action) {
    return Optional.ofNullable(TO_CHARGER_CALLS.get(action));
  }

  private static Map<Action, String> table(Object... pairs) {
    Map<Action, String> table = new EnumMap<>(Action.class);
    for (int i = 0; i < pairs.length; i += 2) {
      table.put((Action) pairs[i], (String) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(table);
  }

  /** Reads each payload as the side that sent the CALL would, which validates it. */
  private static Map<Action, Response> parsed(Map<Action, String> payloads, OcppJson reader) {
    Map<Action, Response> responses = new EnumMap<>(Action.class);
    payloads.forEach((action, json) -> responses.put(action, reader.readResponse(action, json)));
    return Collections.unmodifiableMap(responses);
  }
}
