package dev.joule.sim;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.message.core.BootNotificationResponse;
import dev.joule.ocpp.message.core.ChargePointStatus;
import dev.joule.ocpp.message.core.RegistrationStatus;
import dev.joule.ocpp.message.core.StartTransactionResponse;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * One simulated charger: a WebSocket, at most one outstanding CALL, one connector and its
 * transaction. Lives on its shard's event loop and is only touched from there.
 */
final class Charger {
  private enum State {
    IDLE,
    CONNECTING,
    BOOTING,
    ANNOUNCING,
    RUNNING,
    CLOSED
  }

  private final Shard shard;
  private final String id;
  private final String idTag;
  private final long connectAtNanos;

  private State state = State.IDLE;
  private Channel socket;
  private long lastMessageId;

  private String pendingId;
  private Action pendingAction;
  private long pendingSentNanos;

  /** Counted once in {@link Stats#delayedChargers}. */
  private boolean delayed;

  /** Notifications of an update in progress, sent before the mix's next CALL. */
  private final ArrayDeque<Queued> notifications = new ArrayDeque<>();

  private record Queued(Action action, Request request) {}

  /** Its first accepted BootNotification was counted; a reboot's is not. */
  private boolean bootCounted;

  private boolean transactionOpen;
  private int transactionId;
  private long meterWh;

  Charger(Shard shard, String id, String idTag, long connectAtNanos) {
    this.shard = shard;
    this.id = id;
    this.idTag = idTag;
    this.connectAtNanos = connectAtNanos;
  }

  String id() {
    return id;
  }

  /** When the ramp connects this charger, in nanos after the run started. */
  long connectAtNanos() {
    return connectAtNanos;
  }

  boolean hasOutstandingCall() {
    return pendingId != null;
  }

  /** Opens the connection; the {@code index}-th charger of the run picks its source address. */
  void connect(Dialer dialer, int index) {
    state = State.CONNECTING;
    shard.stats().connectsStarted++;
    dialer.connect(this, index);
  }

  void onConnectFailed(Throwable cause) {
    state = State.CLOSED;
    shard.stats().connectsFailed++;
    shard.connectFailed(id, cause);
  }

  void onOpen(Channel channel) {
    socket = channel;
    if (shard.finishing()) {
      state = State.CLOSED;
      channel.close();
      return;
    }
    shard.stats().connected++;
    state = State.BOOTING;
    if (shard.sending()) {
      send(Action.BOOT_NOTIFICATION, Requests.bootNotification(id));
    }
  }

  /** Sends the next CALL of the mix; the shard calls this when the rate allows. */
  void sendNext() {
    if (state != State.RUNNING || pendingId != null) {
      return;
    }
    if (!notifications.isEmpty()) {
      Queued next = notifications.poll();
      send(next.action(), next.request());
      return;
    }
    Action action = shard.mix().next(shard.random(), transactionOpen);
    Request request =
        switch (action) {
          case METER_VALUES -> {
            meterWh += 20 + shard.random().nextInt(80);
            yield Requests.meterValues(
                transactionId, meterWh, shard.samples(), shard.random(), shard.now());
          }
          case STATUS_NOTIFICATION ->
              Requests.statusNotification(
                  transactionOpen ? ChargePointStatus.CHARGING : ChargePointStatus.AVAILABLE,
                  shard.now());
          case HEARTBEAT -> Requests.heartbeat();
          case START_TRANSACTION -> Requests.startTransaction(idTag, meterWh, shard.now());
          case STOP_TRANSACTION -> {
            // The session ends when the car leaves, whatever the central system answers.
            transactionOpen = false;
            yield Requests.stopTransaction(idTag, transactionId, meterWh, shard.now());
          }
          default -> throw new IllegalStateException("not in the mix: " + action);
        };
    send(action, request);
  }

  private void send(Action action, Request request) {
    pendingId = Long.toString(++lastMessageId);
    pendingAction = action;
    shard.stats().of(action).sent++;
    String text = shard.codec().writeCall(pendingId, request);
    pendingSentNanos = System.nanoTime();
    write(text);
  }

  void onText(String text) {
    Frame frame = shard.codec().read(text);
    switch (frame) {
      case Frame.CallResult result -> onResult(result);
      case Frame.CallError error -> {
        if (matchesPending(error.messageId())) {
          Stats.PerAction stats = answered();
          stats.callErrors++;
          advance();
        }
      }
      case Frame.Call call -> onCall(call);
      case Frame.Invalid invalid -> onInvalid(invalid);
      case Frame.Unknown unknown -> {} // OCPP-J §4.1.3: ignore unknown message types
    }
  }

  /**
   * Firmware, diagnostics and log commands are acted on ({@link Updates}); other central-system
   * CALLs get the constant answers of {@link Answers}; others NotSupported.
   */
  private void onCall(Frame.Call call) {
    shard.stats().inboundCalls++;
    Optional<Updates.Plan> plan =
        Updates.of(id, call.payload(), shard.now(), shard.updateStep(), shard.updateFailure());
    if (plan.isPresent()) {
      write(shard.codec().writeResult(call.messageId(), plan.get().answer()));
      follow(plan.get().steps(), 0);
      return;
    }
    Optional<Response> answer = Answers.toCommand(call.action());
    if (answer.isEmpty()) {
      shard.stats().inboundRefused++;
      write(
          shard
              .codec()
              .writeError(
                  call.messageId(),
                  ErrorCode.NOT_SUPPORTED,
                  call.action().wire() + " is not supported by the simulator"));
      return;
    }
    write(shard.codec().writeResult(call.messageId(), answer.get()));
  }

  /** Sends step {@code index} of an update when its time comes, then schedules the next. */
  private void follow(java.util.List<Updates.Step> steps, int index) {
    if (index >= steps.size()) {
      return;
    }
    Updates.Step step = steps.get(index);
    shard.later(
        step.after(),
        () -> {
          if (state == State.CLOSED) {
            return; // the connection is gone, and the update with it
          }
          report(step.action(), step.request());
          follow(steps, index + 1);
        });
  }

  /** Sends the notification now if no CALL is outstanding, else after the one that is. */
  private void report(Action action, Request request) {
    if (state == State.RUNNING && pendingId == null && notifications.isEmpty()) {
      send(action, request);
    } else {
      notifications.add(new Queued(action, request));
    }
  }

  private void onResult(Frame.CallResult result) {
    if (!matchesPending(result.messageId())) {
      return;
    }
    Action action = pendingAction;
    Stats.PerAction stats = answered();
    stats.results++;
    try {
      var response = shard.codec().readResponse(action, result.payloadJson());
      switch (response) {
        case StartTransactionResponse started -> {
          transactionId = started.transactionId();
          transactionOpen = true;
        }
        case BootNotificationResponse boot
            when boot.status() == RegistrationStatus.ACCEPTED && !bootCounted -> {
          bootCounted = true;
          shard.booted(System.nanoTime());
        }
        default -> {}
      }
    } catch (OcppViolation e) {
      stats.invalid++;
    }
    advance();
  }

  private void onInvalid(Frame.Invalid invalid) {
    if (invalid.expectsCallError()) {
      shard.stats().inboundCalls++;
      shard.stats().inboundRefused++;
      String messageId = invalid.messageId().orElseThrow();
      write(shard.codec().writeError(messageId, invalid.errorCode(), invalid.description()));
      return;
    }
    int type = invalid.messageTypeId();
    boolean answer = type == Frame.CALL_RESULT || type == Frame.CALL_ERROR;
    if (!answer || invalid.messageId().isEmpty()) {
      shard.stats().unmatchedFrames++;
    } else if (matchesPending(invalid.messageId().get())) {
      Stats.PerAction stats = answered();
      if (type == Frame.CALL_RESULT) {
        stats.results++;
      } else {
        stats.callErrors++;
      }
      stats.invalid++;
      advance();
    }
  }

  /** True if {@code messageId} answers the outstanding CALL; counts the frame otherwise. */
  private boolean matchesPending(String messageId) {
    if (pendingId != null && pendingId.equals(messageId)) {
      return true;
    }
    shard.stats().unmatchedFrames++;
    return false;
  }

  /** Records the latency of the outstanding CALL, which has been answered, and clears it. */
  private Stats.PerAction answered() {
    long now = System.nanoTime();
    long latency = now - pendingSentNanos;
    Stats.PerAction stats = shard.stats().of(pendingAction);
    stats.latency.record(latency);
    shard.stats().overall.record(latency);
    if (shard.steady(now)) {
      shard.stats().steady.record(latency);
    }
    if (latency > Stats.DELAY_THRESHOLD_NANOS && shard.countsDelayed(now)) {
      shard.stats().delayedCalls++;
      if (!delayed) {
        delayed = true;
        shard.stats().delayedChargers++;
      }
    }
    pendingId = null;
    return stats;
  }

  /** The outstanding CALL got no answer in time: count it and move on, as a charger would. */
  void expireIfOlderThan(long deadlineNanos) {
    if (pendingId != null && pendingSentNanos - deadlineNanos < 0) {
      shard.stats().of(pendingAction).timeouts++;
      pendingId = null;
      advance();
    }
  }

  /** The run is over: an outstanding CALL will not be waited for any longer. */
  void expireOutstanding() {
    if (pendingId != null) {
      shard.stats().of(pendingAction).timeouts++;
      pendingId = null;
    }
  }

  private void advance() {
    if (!shard.sending()) {
      return;
    }
    switch (state) {
      case BOOTING -> {
        state = State.ANNOUNCING;
        send(
            Action.STATUS_NOTIFICATION,
            Requests.statusNotification(ChargePointStatus.AVAILABLE, shard.now()));
      }
      case ANNOUNCING, RUNNING -> {
        state = State.RUNNING;
        if (notifications.isEmpty()) {
          shard.ready(this);
        } else {
          Queued next = notifications.poll();
          send(next.action(), next.request());
        }
      }
      case IDLE, CONNECTING, CLOSED -> {}
    }
  }

  void onClose() {
    if (pendingId != null) {
      shard.stats().of(pendingAction).lost++;
      pendingId = null;
    }
    if (!shard.finishing()) {
      shard.stats().dropped++;
    }
    state = State.CLOSED;
  }

  /** Closes the connection at the end of the run. */
  void close() {
    if (socket != null && state != State.CLOSED) {
      state = State.CLOSED;
      socket
          .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void write(String text) {
    socket.writeAndFlush(new TextWebSocketFrame(text), socket.voidPromise());
  }
}
