package dev.joule.domain.command;

import dev.joule.ocpp.ErrorCode;

/** What became of one call handed to a charger's connection. */
public sealed interface Delivery {
  /** The charger answered with a CALLRESULT; its payload as received. */
  record Answered(String payloadJson) implements Delivery {}

  /** The charger answered with a CALLERROR, or with a frame that could not be read. */
  record Failed(ErrorCode errorCode, String description) implements Delivery {}

  /** No answer within the call timeout. */
  record TimedOut(String description) implements Delivery {}

  /**
   * The charger was not connected ({@code sent} false), or its connection closed before it answered
   * ({@code sent} true: it may have acted on the command).
   */
  record Offline(boolean sent, String description) implements Delivery {}
}
