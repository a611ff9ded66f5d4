package dev.joule.gateway;

/**
 * Why a central-system CALL to a charger got no answer (DESIGN.md rule 7): the charger was or went
 * offline, or it did not answer in time. A CALLERROR from the charger is an answer, not a failure.
 */
public abstract sealed class CallFailedException extends RuntimeException
    permits ChargerOfflineException, CallTimeoutException {
  private final String chargerId;

  CallFailedException(String chargerId, String message) {
    super(message, null, false, false); // an outcome, not a bug: no stack trace
    this.chargerId = chargerId;
  }

  public String chargerId() {
    return chargerId;
  }
}
