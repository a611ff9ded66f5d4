package dev.joule.gateway;

import java.time.Duration;

/** The charger received the CALL but did not answer within the call timeout. */
public final class CallTimeoutException extends CallFailedException {
  private final String messageId;
  private final Duration timeout;

  CallTimeoutException(String chargerId, String messageId, Duration timeout) {
    super(chargerId, chargerId + " did not answer call " + messageId + " within " + timeout);
    this.messageId = messageId;
    this.timeout = timeout;
  }

  /** The message id the CALL was sent with. */
  public String messageId() {
    return messageId;
  }

  public Duration timeout() {
    return timeout;
  }
}
