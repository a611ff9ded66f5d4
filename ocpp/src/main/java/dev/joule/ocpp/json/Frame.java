package dev.joule.ocpp.json;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.Request;
import java.util.Optional;

/** One OCPP-J message as read from a WebSocket text frame (OCPP-J 1.6 §4). */
public sealed interface Frame {
  /** MessageTypeId of a CALL. */
  int CALL = 2;

  /** MessageTypeId of a CALLRESULT. */
  int CALL_RESULT = 3;

  /** MessageTypeId of a CALLERROR. */
  int CALL_ERROR = 4;

  /** Longest message id allowed (OCPP-J 1.6 §4.1.3). */
  int MAX_MESSAGE_ID_LENGTH = 36;

  /** {@code [2, messageId, action, payload]}: a request, already validated and decoded. */
  record Call(String messageId, Action action, Request payload) implements Frame {}

  /**
   * {@code [3, messageId, payload]}: a response. Its type depends on the CALL it answers, which
   * only the receiver knows; decode it with {@link OcppJson#readResponse(Action, String)}.
   */
  record CallResult(String messageId, String payloadJson) implements Frame {}

  /**
   * {@code [4, messageId, errorCode, errorDescription, errorDetails]}. A code that is not a 1.6
   * code arrives as GenericError with the original code in front of the description.
   */
  record CallError(
      String messageId, ErrorCode errorCode, String errorDescription, String detailsJson)
      implements Frame {}

  /** A message type number OCPP 1.6 does not define: the receiver ignores it (OCPP-J §4.1.3). */
  record Unknown(int messageTypeId) implements Frame {}

  /**
   * A frame that could not be accepted, with the CALLERROR that answers it. {@code messageTypeId}
   * is 0 and {@code messageId} empty when the frame broke before they could be read.
   */
  record Invalid(
      int messageTypeId, Optional<String> messageId, ErrorCode errorCode, String description)
      implements Frame {

    /** True when the frame was a CALL whose id is known: the sender is waiting for an answer. */
    public boolean expectsCallError() {
      return messageTypeId == CALL && messageId.isPresent();
    }
  }
}
