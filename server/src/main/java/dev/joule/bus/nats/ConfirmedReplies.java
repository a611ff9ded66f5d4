package dev.joule.bus.nats;

import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies over core NATS are at most once: one published while a NATS server restarts, or before
 * the gateway's subscription is back, is gone. So a reply is a request: the gateway confirms it
 * with an empty answer, and an unconfirmed reply is sent again, {@link #ATTEMPTS} times over about
 * {@link #WINDOW}. The gateway drops a second copy of an answer it already sent (and confirms it).
 */
final class ConfirmedReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ConfirmedReplies.class);
  static final int ATTEMPTS = 6;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration PAUSE = Duration.ofMillis(250);
  static final Duration WINDOW = TIMEOUT.plus(PAUSE).multipliedBy(ATTEMPTS);

  private final Connection connection;
  private final ScheduledExecutorService timer;

  ConfirmedReplies(Connection connection, ScheduledExecutorService timer) {
    this.connection = connection;
    this.timer = timer;
  }

  /** Sends {@code data} to {@code subject} until confirmed; true when it was, false otherwise. */
  CompletionStage<Boolean> send(String subject, byte[] data) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    attempt(subject, data, 1, done);
    return done;
  }

  private void attempt(String subject, byte[] data, int attempt, CompletableFuture<Boolean> done) {
    CompletableFuture<Message> answer;
    try {
      answer =
          connection
              .requestWithTimeout(subject, data, TIMEOUT)
              .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) { // closed connection, or a full reconnect buffer
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete(
        (message, failure) -> {
          if (failure == null && message != null && !message.isStatusMessage()) {
            done.complete(true);
          } else if (attempt < ATTEMPTS) {
            timer.schedule(
                () -> attempt(subject, data, attempt + 1, done),
                PAUSE.toMillis(),
                TimeUnit.MILLISECONDS);
          } else {
            LOG.warn(
                "reply on {} not confirmed after {} attempts ({}): the gateway's reply deadline"
                    + " answers the charger",
                subject,
                ATTEMPTS,
                failure != null ? failure.toString() : "no responder");
            done.complete(false);
          }
        });
  }

  /** Confirms a reply the gateway received, so its processor stops sending it. */
  static void confirm(Connection connection, Message reply) {
    if (reply.getReplyTo() != null) {
      connection.publish(reply.getReplyTo(), null);
    }
  }
}
