package dev.joule.bus;

/**
 * One message held by one processor worker until it acks (after its effects are committed) or
 * releases it. A lease not acked within ack-wait expires and the message is delivered again to any
 * worker (DESIGN.md rule 2).
 */
public interface Lease {
  InboxMessage message();

  /** 1 for the first delivery, 2 and more for redeliveries. */
  int deliveryCount();

  /** The message is done: its effects are committed and its reply published. */
  void ack();

  /** Give the message back for immediate redelivery (e.g. the worker holding it stalled). */
  void release();
}
