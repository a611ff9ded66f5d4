package dev.joule.processing;

import dev.joule.ocpp.Action;

/** Told about every answered message; metrics implement it. Must be cheap and never block. */
public interface ProcessingListener {
  ProcessingListener NONE = (action, error, nanos) -> {};

  /**
   * @param action the CALL's action
   * @param error true when the answer is a CALLERROR
   * @param nanos from lease to commit of the message's batch
   */
  void processed(Action action, boolean error, long nanos);
}
