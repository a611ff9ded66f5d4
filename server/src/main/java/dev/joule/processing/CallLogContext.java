package dev.joule.processing;

import dev.joule.bus.InboxMessage;
import org.slf4j.MDC;

/**
 * The CALL a worker handles, in the log's context (MDC) while it does: {@code chargerId}, {@code
 * messageId}, {@code action}. JSON logs carry them as fields, so a charger's frame can be followed
 * from the gateway (whose lines name the charger) through the processor that handled it.
 */
final class CallLogContext implements AutoCloseable {
  static final String CHARGER = "chargerId";
  static final String MESSAGE = "messageId";
  static final String ACTION = "action";

  private CallLogContext(InboxMessage message) {
    MDC.put(CHARGER, message.chargerId());
    MDC.put(MESSAGE, message.call().messageId());
    MDC.put(ACTION, message.call().action().wire());
  }

  static CallLogContext of(InboxMessage message) {
    return new CallLogContext(message);
  }

  @Override
  public void close() {
    MDC.remove(CHARGER);
    MDC.remove(MESSAGE);
    MDC.remove(ACTION);
  }
}
