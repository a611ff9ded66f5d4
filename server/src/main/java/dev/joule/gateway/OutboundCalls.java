package dev.joule.gateway;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.Frame;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central system's CALLs to one charger: one in flight at a time (DESIGN.md rule 7; some
 * chargers drop the connection when sent several at once), the others queued in order. Each is
 * completed by the charger's answer, by {@link CallTimeoutException}, or by {@link
 * ChargerOfflineException} when the connection closes. Lives on the connection's event loop.
 */
final class OutboundCalls {
  private static final Logger log = LoggerFactory.getLogger(OutboundCalls.class);
  private static final long NONE = -1;

  private final GatewayParts parts;
  private final String chargerId;
  private final Consumer<String> send;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private Pending inFlight;
  private String inFlightId;
  private long timeout = NONE;

  private record Pending(Request request, CompletableFuture<Frame> result) {}

  OutboundCalls(GatewayParts parts, String chargerId, Consumer<String> send) {
    this.parts = parts;
    this.chargerId = chargerId;
    this.send = send;
  }

  void enqueue(Request request, CompletableFuture<Frame> result) {
    waiting.addLast(new Pending(request, result));
    if (inFlight == null) {
      next();
    }
  }

  /**
   * A CALLRESULT, CALLERROR or malformed answer from the charger. Returns false when it answers no
   * call in flight (late, after a timeout, or never asked).
   */
  boolean onAnswer(String messageId, Frame answer) {
    if (inFlight == null || !inFlightId.equals(messageId)) {
      log.debug("{}: answer {} matches no call in flight, dropped", chargerId, messageId);
      return false;
    }
    Pending answered = inFlight;
    finish();
    answered.result().complete(answer);
    next();
    return true;
  }

  /** The connection closed: every call still waiting for an answer fails as offline. */
  void failAll() {
    if (inFlight != null) {
      Pending sent = inFlight;
      finish();
      offline(sent, true);
    }
    Pending queued;
    while ((queued = waiting.pollFirst()) != null) {
      offline(queued, false);
    }
  }

  private void offline(Pending pending, boolean sent) {
    parts.counters().centralCallsOffline.increment();
    pending.result().completeExceptionally(new ChargerOfflineException(chargerId, sent));
  }

  private void next() {
    Pending pending;
    while (inFlight == null && (pending = waiting.pollFirst()) != null) {
      if (pending.result().isDone()) {
        continue; // the caller gave up (cancelled) while it waited
      }
      String id = UUID.randomUUID().toString();
      String text;
      try {
        text = parts.codec().writeCall(id, pending.request());
      } catch (RuntimeException e) { // the request breaks the schema: nothing to send
        pending.result().completeExceptionally(e);
        continue;
      }
      inFlight = pending;
      inFlightId = id;
      timeout =
          parts
              .vertx()
              .setTimer(Math.max(1, parts.settings().callTimeout().toMillis()), t -> timedOut());
      parts.counters().centralCallsSent.increment();
      send.accept(text);
    }
  }

  private void timedOut() {
    timeout = NONE;
    Pending expired = inFlight;
    String id = inFlightId;
    finish();
    parts.counters().centralCallsTimedOut.increment();
    log.info("{}: no answer to call {} within {}", chargerId, id, parts.settings().callTimeout());
    expired
        .result()
        .completeExceptionally(
            new CallTimeoutException(chargerId, id, parts.settings().callTimeout()));
    next();
  }

  private void finish() {
    if (timeout != NONE) {
      parts.vertx().cancelTimer(timeout);
      timeout = NONE;
    }
    inFlight = null;
    inFlightId = null;
  }
}
