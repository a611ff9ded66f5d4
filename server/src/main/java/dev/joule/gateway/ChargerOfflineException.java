package dev.joule.gateway;

/**
 * The charger had no connection to this gateway when the call was made, or its connection closed
 * (or was replaced by a newer one) before it answered.
 */
public final class ChargerOfflineException extends CallFailedException {
  private final boolean sent;

  ChargerOfflineException(String chargerId, boolean sent) {
    super(
        chargerId,
        sent
            ? chargerId + " disconnected before answering"
            : chargerId + " is not connected to this gateway");
    this.sent = sent;
  }

  /**
   * True when the CALL had reached the charger before the connection closed: the charger may have
   * acted on it, only its answer is missing.
   */
  public boolean sent() {
    return sent;
  }
}
