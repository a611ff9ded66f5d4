package dev.joule.gateway;

import dev.joule.bus.Reply;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.Frame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One charger's WebSocket: frames in, CALLs to the inbox, replies and central-system CALLs out.
 * Everything here runs on the connection's event loop ({@link #context()}); other threads hop onto
 * it with {@code context().runOnContext(...)}. A fault on this connection closes this connection
 * only.
 */
final class Connection {
  /** The log context key of the charger a line is about (processing uses the same). */
  static final String LOG_CHARGER = "chargerId";

  /** RFC 6455 §7.4.1: the endpoint is going away (gateway shutdown). */
  static final short GOING_AWAY = 1001;

  /** RFC 6455 §7.4.1: protocol error (the charger did not offer subprotocol ocpp1.6). */
  static final short PROTOCOL_ERROR = 1002;

  /** RFC 6455 §7.4.1: data of a type the endpoint cannot accept (binary frames). */
  static final short UNSUPPORTED_DATA = 1003;

  /** RFC 6455 §7.4.1: policy violation (a charger far over the frame-rate limit). */
  static final short POLICY_VIOLATION = 1008;

  /** RFC 6455 §7.4.1: message too big to process. */
  static final short MESSAGE_TOO_BIG = 1009;

  /** Private use (RFC 6455 §7.4.2): the same charger opened a newer connection. */
  static final short REPLACED = 4000;

  /** Private use: no pong (nor any other frame) within the pong timeout. */
  static final short PING_TIMEOUT = 4001;

  private static final Logger log = LoggerFactory.getLogger(Connection.class);
  private static final Buffer PING = Buffer.buffer("joule");

  private final GatewayParts parts;
  private final ServerWebSocket socket;
  private final String chargerId;
  private final long epoch;
  private final Instant connectedAt;
  private final Context context;
  private final String eventLoop;
  private final ReplyHandoff handoff;
  private final Consumer<Connection> onClosed;
  private final InboundCalls inbound;
  private final OutboundCalls outbound;
  private final PingWatch pings;
  private final FrameRate frameRate;
  private Buffer fragments;
  private boolean closed;

  Connection(
      GatewayParts parts,
      ServerWebSocket socket,
      String chargerId,
      long epoch,
      Context context,
      ReplyHandoff handoff,
      Consumer<Connection> onClosed) {
    this.parts = parts;
    this.socket = socket;
    this.chargerId = chargerId;
    this.epoch = epoch;
    this.connectedAt = parts.clock().instant();
    this.context = context;
    this.eventLoop = Thread.currentThread().getName(); // created on its event loop
    this.handoff = handoff;
    this.onClosed = onClosed;
    this.inbound = new InboundCalls(parts, chargerId, epoch, this::send);
    this.outbound = new OutboundCalls(parts, chargerId, this::send);
    this.pings = new PingWatch(parts.vertx(), parts.settings(), this::ping, this::dead);
    this.frameRate = new FrameRate(parts.limits().frameRate(), System.nanoTime());
  }

  String chargerId() {
    return chargerId;
  }

  long epoch() {
    return epoch;
  }

  Instant connectedAt() {
    return connectedAt;
  }

  Context context() {
    return context;
  }

  /** The name of the event-loop thread that serves this connection. */
  String eventLoop() {
    return eventLoop;
  }

  /** Carries replies from processor threads onto {@link #context()}. */
  ReplyHandoff handoff() {
    return handoff;
  }

  void start() {
    socket.frameHandler(this::onFrame);
    socket.closeHandler(v -> closed());
    socket.exceptionHandler(this::onException);
    pings.start();
  }

  void onReply(Reply reply) {
    if (closed) {
      parts.counters().repliesDropped.increment();
      log.debug("{}: reply for call {} dropped: connection closed", chargerId, reply.callId());
      return;
    }
    inbound.onReply(reply);
  }

  void call(Request request, CompletableFuture<Frame> result) {
    if (closed) {
      parts.counters().centralCallsOffline.increment();
      result.completeExceptionally(new ChargerOfflineException(chargerId, false));
      return;
    }
    outbound.enqueue(request, result);
  }

  /** Closes with {@code code}; queued and in-flight calls are dropped at once. */
  Future<Void> close(short code, String reason) {
    if (closed) {
      return Future.succeededFuture();
    }
    log.info("{}: closing connection (epoch {}): {} {}", chargerId, epoch, code, reason);
    closed();
    return socket.close(code, reason);
  }

  private void closed() {
    if (closed) {
      return;
    }
    closed = true;
    fragments = null;
    pings.stop();
    onClosed.accept(this); // first, so that callers completed below see the charger offline
    inbound.close();
    outbound.failAll();
  }

  /**
   * Netty's frame decoder refuses a frame (larger than the frame limit, bad UTF-8, bad framing)
   * before it reaches {@link #onFrame}; Vert.x would then close with 1000. Closing first sends the
   * status the decoder chose, so the charger learns why (1009 for a frame that is too big).
   */
  private void onException(Throwable e) {
    if (e instanceof CorruptedWebSocketFrameException corrupt && !closed) {
      WebSocketCloseStatus status = corrupt.closeStatus();
      if (status.code() == MESSAGE_TOO_BIG) {
        parts.counters().oversizeCloses.increment();
      }
      log.info("{}: bad frame: {}", chargerId, corrupt.getMessage());
      close((short) status.code(), status.reasonText());
      return;
    }
    log.debug("{}: connection error", chargerId, e);
  }

  private void onFrame(WebSocketFrame frame) {
    if (closed) {
      return;
    }
    pings.heard();
    // Every line logged about this frame carries the charger (a JSON log's chargerId field); the
    // processor that handles its CALL adds messageId and action.
    MDC.put(LOG_CHARGER, chargerId);
    try {
      switch (frame.type()) {
        case TEXT -> onTextFrame(frame);
        case CONTINUATION -> onContinuation(frame);
        case BINARY -> refuseBinary();
        case PING, PONG, CLOSE -> {}
      }
    } finally {
      MDC.remove(LOG_CHARGER);
    }
  }

  private void onTextFrame(WebSocketFrame frame) {
    Buffer data = frame.binaryData();
    if (tooBig(data.length())) {
      return;
    }
    if (frame.isFinal()) {
      onText(frame.textData());
    } else {
      fragments = Buffer.buffer(data.length() * 2).appendBuffer(data);
    }
  }

  private void onContinuation(WebSocketFrame frame) {
    if (fragments == null) {
      return; // continues a binary message, already refused
    }
    Buffer data = frame.binaryData();
    if (tooBig(fragments.length() + data.length())) {
      return;
    }
    fragments.appendBuffer(data);
    if (frame.isFinal()) {
      String text = fragments.toString(StandardCharsets.UTF_8);
      fragments = null;
      onText(text);
    }
  }

  private boolean tooBig(int bytes) {
    if (bytes <= parts.settings().maxFrameBytes()) {
      return false;
    }
    parts.counters().oversizeCloses.increment();
    close(MESSAGE_TOO_BIG, "message larger than " + parts.settings().maxFrameBytes() + " bytes");
    return true;
  }

  private void refuseBinary() {
    parts.counters().binaryFrameCloses.increment();
    close(UNSUPPORTED_DATA, "OCPP-J uses text frames only");
  }

  private void onText(String text) {
    parts.frameLog().record(chargerId, true, text, parts.clock().instant());
    parts.counters().framesIn.increment();
    FrameRate.Verdict verdict = frameRate.count(System.nanoTime());
    if (verdict != FrameRate.Verdict.PASS) {
      overLimit(verdict, text);
      return;
    }
    try {
      dispatch(parts.codec().read(text), text);
    } catch (RuntimeException e) { // a bug, not the charger's fault: keep the connection
      log.error("{}: failed to handle frame: {}", chargerId, abbreviate(text), e);
    }
  }

  /**
   * A frame over the frame-rate limit is not processed: a CALL whose id can be read gets CALLERROR
   * GenericError (the charger may send it again later), anything else is dropped; beyond twice the
   * limit the connection is closed with 1008.
   */
  private void overLimit(FrameRate.Verdict verdict, String text) {
    parts.counters().framesRateLimited.increment();
    if (verdict == FrameRate.Verdict.CLOSE) {
      parts.counters().rateLimitCloses.increment();
      close(POLICY_VIOLATION, "more than " + 2 * frameRate.limit() + " frames in a second");
      return;
    }
    if (parts.codec().read(text) instanceof Frame.Call call) {
      send(
          parts
              .codec()
              .writeError(
                  call.messageId(),
                  ErrorCode.GENERIC_ERROR,
                  "more than " + frameRate.limit() + " frames in a second: not processed"));
    }
  }

  private void dispatch(Frame frame, String text) {
    switch (frame) {
      case Frame.Call call -> inbound.onCall(call);
      case Frame.CallResult result -> outbound.onAnswer(result.messageId(), result);
      case Frame.CallError error -> outbound.onAnswer(error.messageId(), error);
      case Frame.Unknown unknown -> {
        parts.counters().unknownFramesIgnored.increment();
        log.debug("{}: message type {} ignored", chargerId, unknown.messageTypeId());
      }
      case Frame.Invalid invalid -> onInvalid(invalid, text);
    }
  }

  /**
   * A malformed CALL with a readable id gets the CALLERROR the codec chose. A malformed answer to
   * our call in flight completes that call with the {@link Frame.Invalid}. Anything else has no id
   * to answer: OCPP-J 1.6 defines no CALLERROR for it (the "-1" id is a 2.0.1 convention), so it is
   * logged and dropped, and the charger's own timeout makes it retry.
   */
  private void onInvalid(Frame.Invalid invalid, String text) {
    if (invalid.expectsCallError()) {
      parts.counters().invalidFramesAnswered.increment();
      log.debug("{}: invalid CALL: {}", chargerId, invalid.description());
      send(
          parts
              .codec()
              .writeError(
                  invalid.messageId().orElseThrow(), invalid.errorCode(), invalid.description()));
      return;
    }
    boolean answered =
        invalid.messageTypeId() != Frame.CALL
            && invalid.messageId().isPresent()
            && outbound.onAnswer(invalid.messageId().get(), invalid);
    if (!answered) {
      parts.counters().invalidFramesIgnored.increment();
      log.info(
          "{}: unanswerable frame ignored ({}): {}",
          chargerId,
          invalid.description(),
          abbreviate(text));
    }
  }

  private void send(String text) {
    if (closed) {
      return;
    }
    parts.frameLog().record(chargerId, false, text, parts.clock().instant());
    parts.counters().framesOut.increment();
    // One final frame whatever its size: some firmware cannot reassemble fragments.
    socket.writeFrame(WebSocketFrame.textFrame(text, true));
  }

  private void ping() {
    socket.writePing(PING);
  }

  private void dead() {
    parts.counters().pingTimeouts.increment();
    close(PING_TIMEOUT, "no pong within " + parts.settings().pongTimeout());
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
