package dev.joule.bus.nats;

import dev.joule.bus.InboxMessage;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of the inbox: publishes each CALL asynchronously with a message id made of
 * what identifies it as the gateway received it (gateway, connection epoch, charger, CALL id, time
 * received), so a publish whose acknowledgement was lost (a NATS restart) is sent again without
 * being stored twice: within the stream's duplicate window (2 min) the server stores a message id
 * once. Retried every 250 ms for {@link #PUBLISH_WINDOW}. The gateway's resend of a CALL unanswered
 * for long publishes the same message, with the same id: the server drops it unless it lost the
 * first copy, so a CALL waiting in a backlog is not doubled (which would deepen the backlog), and
 * one the server lost is stored again.
 */
final class InboxPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(InboxPublisher.class);
  private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration PUBLISH_PAUSE = Duration.ofMillis(250);
  static final Duration PUBLISH_WINDOW = Duration.ofSeconds(6);

  private final JetStream jetStream;
  private final String subject;
  private final Wire wire;
  private final ScheduledExecutorService retries;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  /**
   * @param retries where retries wait; once it is shut down a failed publish is not retried
   */
  InboxPublisher(JetStream jetStream, String subject, Wire wire, ScheduledExecutorService retries) {
    this.jetStream = jetStream;
    this.subject = subject;
    this.wire = wire;
    this.retries = retries;
  }

  void publish(InboxMessage message) {
    byte[] data = wire.inbox(message);
    PublishOptions options = PublishOptions.builder().messageId(messageId(message)).build();
    publish(message, data, options, System.nanoTime());
  }

  /** CALLs the inbox acknowledged. */
  long published() {
    return published.get();
  }

  /** CALLs the inbox did not accept within {@link #PUBLISH_WINDOW}. */
  long failures() {
    return failures.get();
  }

  static String messageId(InboxMessage message) {
    Instant at = message.receivedAt();
    return message.gateway()
        + '/'
        + message.connectionEpoch()
        + '/'
        + message.chargerId()
        + '/'
        + message.call().messageId()
        + '/'
        + at.getEpochSecond()
        + '.'
        + at.getNano();
  }

  private void publish(InboxMessage message, byte[] data, PublishOptions options, long first) {
    CompletableFuture<PublishAck> ack;
    try {
      ack =
          jetStream
              .publishAsync(subject, data, options)
              .orTimeout(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) { // closed connection, or a full reconnect buffer
      ack = CompletableFuture.failedFuture(e);
    }
    ack.whenComplete(
        (done, failure) -> {
          if (failure == null) {
            published.incrementAndGet();
          } else if (System.nanoTime() - first < PUBLISH_WINDOW.toNanos()
              && !retries.isShutdown()) {
            retries.schedule(
                () -> publish(message, data, options, first),
                PUBLISH_PAUSE.toMillis(),
                TimeUnit.MILLISECONDS);
          } else {
            failures.incrementAndGet();
            LOG.warn(
                "{}: CALL {} not accepted by the inbox within {}: {}",
                message.chargerId(),
                message.call().messageId(),
                PUBLISH_WINDOW,
                failure.toString());
          }
        });
  }
}
