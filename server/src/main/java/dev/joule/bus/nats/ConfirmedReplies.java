package dev.joule.bus.nats;

import dev.joule.bus.Reply;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replies over core NATS are at most once: one published while a NATS server restarts, or before
 * the gateway's subscription is back, is gone. So a reply is a request: the gateway confirms it
 * with an empty answer, and an unconfirmed reply is sent again, {@link #ATTEMPTS} times over about
 * {@link #WINDOW}. The gateway drops a second copy of an answer it already sent (and confirms it).
 * A batch's replies for one gateway travel in one request ({@link #sendAll}), confirmed once.
 */
final class ConfirmedReplies {
  private static final Logger LOG = LoggerFactory.getLogger(ConfirmedReplies.class);
  static final int ATTEMPTS = 6;
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration PAUSE = Duration.ofMillis(250);
  static final Duration WINDOW = TIMEOUT.plus(PAUSE).multipliedBy(ATTEMPTS);

  /** Replies carried in one request at most (NATS refuses payloads over 1 MiB by default). */
  static final int REPLIES_BYTES = 256 * 1024;

  private final Connection connection;
  private final ScheduledExecutorService timer;
  private final Wire wire;
  private final List<Dispatcher> dispatchers = new ArrayList<>();

  ConfirmedReplies(Connection connection, ScheduledExecutorService timer, Wire wire) {
    this.connection = connection;
    this.timer = timer;
    this.wire = wire;
  }

  /**
   * Sends {@code all} to {@code subject} in requests of at most {@link #REPLIES_BYTES} (a batch's
   * answers go together); true once every request was confirmed.
   */
  CompletionStage<Boolean> sendAll(String subject, List<Reply> all) {
    CompletionStage<Boolean> sent = CompletableFuture.completedFuture(true);
    int from = 0;
    while (from < all.size()) {
      int to = from;
      int bytes = 0;
      while (to < all.size() && (to == from || bytes + Wire.size(all.get(to)) <= REPLIES_BYTES)) {
        bytes += Wire.size(all.get(to++));
      }
      sent =
          sent.thenCombine(send(subject, wire.replies(all.subList(from, to))), Boolean::logicalAnd);
      from = to;
    }
    return sent;
  }

  /** Delivers the replies sent to {@code subject} to {@code handler}, confirming each request. */
  void subscribe(String subject, Consumer<Reply> handler) {
    Dispatcher dispatcher =
        connection.createDispatcher(
            message -> {
              try {
                wire.replies(message.getData()).forEach(handler);
              } catch (RuntimeException e) {
                LOG.warn("replies on {} not delivered: {}", subject, e.toString());
              } finally {
                confirm(connection, message);
              }
            });
    dispatcher.subscribe(subject);
    try {
      connection.flush(Duration.ofSeconds(2)); // the subscription is live before replies come
    } catch (TimeoutException | InterruptedException e) {
      LOG.warn("reply subscription {} not confirmed by NATS yet: {}", subject, e.toString());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (dispatchers) {
      dispatchers.add(dispatcher);
    }
  }

  /** Closes the subscriptions (not the connection). */
  void close() {
    synchronized (dispatchers) {
      dispatchers.forEach(connection::closeDispatcher);
      dispatchers.clear();
    }
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
  private static void confirm(Connection connection, Message reply) {
    if (reply.getReplyTo() != null) {
      connection.publish(reply.getReplyTo(), null);
    }
  }
}
