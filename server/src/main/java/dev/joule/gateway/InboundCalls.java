package dev.joule.gateway;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Reply;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.json.Frame;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CALLs one charger sends, on their way to the inbox: one at a time (DESIGN.md rule 3, OCPP-J
 * §4.1.1 one outstanding CALL per sender), later ones waiting in a bounded queue in order.
 *
 * <p>Every CALL is answered, never dropped: by the processors' reply, by CALLERROR GenericError
 * when the queue is full, or by CALLERROR InternalError when no reply comes within the reply
 * deadline (rule 6). The deadline counts from when the CALL is forwarded to the inbox, when the
 * processors' work on it starts. Lives on the connection's event loop.
 *
 * <p>The deadline is watched by one timer per connection that is not cancelled when a reply comes:
 * setting and cancelling a Vert.x timer for every CALL (a map entry, a scheduled task, a heap
 * insertion and removal) was a measurable share of the event loop's work per message. When the
 * timer fires it answers the CALL in flight if that one's deadline has passed, and otherwise sets
 * itself for the deadline of the CALL in flight now, or stops when none is. A timer is running
 * whenever a CALL is in flight, and fires no later than that CALL's deadline, because deadlines
 * grow in forwarding order.
 *
 * <p>With a bus between processes ({@code resendAfter} set), a CALL unanswered after that long is
 * published once more, as the same message: a NATS server that restarts can drop a CALL it had
 * accepted, and the bus stores the second copy only if the first is lost (NatsBus: one message id
 * per CALL). The same timer watches both times (resend times grow in forwarding order too);
 * handlers are idempotent and the first answer wins, a second is dropped.
 *
 * <p>Each CALL's arrival, answer (with its wait since arrival) and abandonment on close is counted
 * in {@link CallSeconds} for the postmortem draft: adders only, nothing allocated per CALL.
 */
final class InboundCalls {
  private static final Logger log = LoggerFactory.getLogger(InboundCalls.class);
  private static final long NONE = -1;

  private final GatewayParts parts;
  private final String chargerId;
  private final long epoch;
  private final Consumer<String> send;
  private final ArrayDeque<Received> waiting = new ArrayDeque<>();

  /** The CALL forwarded and not answered yet; null when none is. */
  private Received inFlightCall;

  /** System.nanoTime() by which the CALL in flight must be answered. */
  private long dueAt;

  /** System.nanoTime() when the CALL in flight is published again; Long.MAX_VALUE = not again. */
  private long resendAt = Long.MAX_VALUE;

  private long timer = NONE;

  /** The epoch second in which this charger was last counted with a delayed CALL. */
  private long delayedIn = NONE;

  /** A CALL and when it arrived: {@code nanos} is System.nanoTime(), for its wait. */
  private record Received(Frame.Call call, Instant at, long nanos) {}

  InboundCalls(GatewayParts parts, String chargerId, long epoch, Consumer<String> send) {
    this.parts = parts;
    this.chargerId = chargerId;
    this.epoch = epoch;
    this.send = send;
  }

  void onCall(Frame.Call call) {
    Received received = new Received(call, parts.clock().instant(), System.nanoTime());
    parts.calls().received(received.at().getEpochSecond());
    if (inFlightCall == null) {
      forward(received);
    } else if (waiting.size() < parts.settings().callQueueLimit()) {
      waiting.addLast(received);
    } else {
      parts.counters().callsRefusedQueueFull.increment();
      answered(received);
      log.info(
          "{}: CALL {} refused, {} calls already waiting",
          chargerId,
          call.messageId(),
          waiting.size());
      send.accept(
          parts
              .codec()
              .writeError(
                  call.messageId(),
                  ErrorCode.GENERIC_ERROR,
                  "too many outstanding calls: send one at a time (OCPP-J 4.1.1)"));
    }
  }

  void onReply(Reply reply) {
    if (inFlightCall == null || !reply.callId().equals(inFlightCall.call().messageId())) {
      parts.counters().repliesDropped.increment();
      log.debug("{}: reply for call {} dropped: no such call waiting", chargerId, reply.callId());
      return;
    }
    answered(inFlightCall);
    inFlightCall = null; // the deadline timer keeps running: see the class comment
    send.accept(reply.frame());
    next();
  }

  /** The connection is gone: whatever is queued or in flight will never be answered. */
  void close() {
    if (timer != NONE) {
      parts.vertx().cancelTimer(timer);
      timer = NONE;
    }
    if (inFlightCall != null || !waiting.isEmpty()) {
      parts.calls().abandoned(waiting.size() + (inFlightCall == null ? 0 : 1));
      log.debug(
          "{}: connection closed with {} calls unanswered",
          chargerId,
          waiting.size() + (inFlightCall == null ? 0 : 1));
    }
    waiting.clear();
    inFlightCall = null;
  }

  private void forward(Received received) {
    String id = received.call().messageId();
    try {
      publish(received);
    } catch (RuntimeException e) {
      log.warn("{}: CALL {} could not be forwarded to the inbox", chargerId, id, e);
      answered(received);
      send.accept(
          parts.codec().writeError(id, ErrorCode.INTERNAL_ERROR, "cannot process calls now"));
      next();
      return;
    }
    parts.counters().callsForwarded.increment();
    inFlightCall = received;
    long now = System.nanoTime();
    long deadline = parts.settings().replyDeadline().toNanos();
    long resend = parts.settings().resendAfter().toNanos();
    dueAt = now + deadline;
    resendAt = resend > 0 && resend < deadline ? now + resend : Long.MAX_VALUE;
    if (timer == NONE) {
      watchFor(Math.min(dueAt, resendAt) - now);
    }
  }

  private void publish(Received received) {
    parts
        .inbox()
        .publish(
            new InboxMessage(chargerId, parts.nodeId(), epoch, received.call(), received.at()));
  }

  private void watchFor(long nanos) {
    timer = parts.vertx().setTimer(Math.max(1, Math.ceilDiv(nanos, 1_000_000)), t -> onTimer());
  }

  private void onTimer() {
    timer = NONE;
    if (inFlightCall == null) {
      return; // answered; the next forwarded CALL starts the timer again
    }
    long now = System.nanoTime();
    if (resendAt <= now) {
      resendAt = Long.MAX_VALUE;
      resend();
    }
    long left = Math.min(dueAt, resendAt) - now;
    if (left > 0) {
      watchFor(left);
    } else {
      missed();
    }
  }

  private void resend() {
    parts.counters().callsResent.increment();
    log.info(
        "{}: no result for CALL {} within {}, publishing it to the inbox again",
        chargerId,
        inFlightCall.call().messageId(),
        parts.settings().resendAfter());
    try {
      publish(inFlightCall);
    } catch (RuntimeException e) {
      log.warn(
          "{}: CALL {} could not be published again: {}",
          chargerId,
          inFlightCall.call().messageId(),
          e.toString());
    }
  }

  private void missed() {
    String id = inFlightCall.call().messageId();
    parts.counters().replyDeadlinesMissed.increment();
    answered(inFlightCall);
    parts.calls().deadlineMissed();
    log.warn(
        "{}: no result for CALL {} within {}, answering InternalError",
        chargerId,
        id,
        parts.settings().replyDeadline());
    send.accept(
        parts.codec().writeError(id, ErrorCode.INTERNAL_ERROR, "no result in time, please retry"));
    inFlightCall = null;
    next();
  }

  private void answered(Received call) {
    delayedIn = parts.calls().answered(System.nanoTime() - call.nanos(), chargerId, delayedIn);
  }

  private void next() {
    Received queued = waiting.pollFirst();
    if (queued != null) {
      forward(queued);
    }
  }
}
