package dev.joule.gateway;

import java.util.concurrent.atomic.LongAdder;

/**
 * What an on-call engineer asks of a gateway, as running totals since it started. Updated from
 * every event loop; reading is cheap and never blocks. Metrics will be bound to these getters.
 */
public final class GatewayCounters {
  final LongAdder connectionsOpened = new LongAdder();
  final LongAdder connectionsReplaced = new LongAdder();
  final LongAdder handshakesRefused = new LongAdder();
  final LongAdder admissionFailures = new LongAdder();
  final LongAdder subprotocolRefused = new LongAdder();
  final LongAdder framesIn = new LongAdder();
  final LongAdder framesOut = new LongAdder();
  final LongAdder callsForwarded = new LongAdder();
  final LongAdder callsRefusedQueueFull = new LongAdder();
  final LongAdder replyDeadlinesMissed = new LongAdder();
  final LongAdder repliesDropped = new LongAdder();
  final LongAdder callsResent = new LongAdder();
  final LongAdder invalidFramesAnswered = new LongAdder();
  final LongAdder invalidFramesIgnored = new LongAdder();
  final LongAdder unknownFramesIgnored = new LongAdder();
  final LongAdder binaryFrameCloses = new LongAdder();
  final LongAdder oversizeCloses = new LongAdder();
  final LongAdder pingTimeouts = new LongAdder();
  final LongAdder centralCallsSent = new LongAdder();
  final LongAdder centralCallsTimedOut = new LongAdder();
  final LongAdder centralCallsOffline = new LongAdder();
  final LongAdder framesRateLimited = new LongAdder();
  final LongAdder rateLimitCloses = new LongAdder();
  final LongAdder connectionLimitRefused = new LongAdder();
  final LongAdder handshakeRateRefused = new LongAdder();

  GatewayCounters() {}

  /** WebSocket connections accepted with subprotocol ocpp1.6. */
  public long connectionsOpened() {
    return connectionsOpened.sum();
  }

  /** Connections closed because the same charger connected again. Many: two devices, one id? */
  public long connectionsReplaced() {
    return connectionsReplaced.sum();
  }

  /**
   * Handshakes refused: 404 for a path that is not {@code /ocpp/{id}} or a charger not admitted,
   * 503 while the gateway shuts down.
   */
  public long handshakesRefused() {
    return handshakesRefused.sum();
  }

  /** Handshakes refused with 503 because admission failed (e.g. the database is down). */
  public long admissionFailures() {
    return admissionFailures.sum();
  }

  /** Connections closed at once because the charger did not offer ocpp1.6. */
  public long subprotocolRefused() {
    return subprotocolRefused.sum();
  }

  /** Text messages received from chargers. */
  public long framesIn() {
    return framesIn.sum();
  }

  /** Text messages sent to chargers. */
  public long framesOut() {
    return framesOut.sum();
  }

  /** Charger CALLs published to the inbox. */
  public long callsForwarded() {
    return callsForwarded.sum();
  }

  /** Charger CALLs answered GenericError because the charger had too many waiting. */
  public long callsRefusedQueueFull() {
    return callsRefusedQueueFull.sum();
  }

  /** Charger CALLs answered InternalError because no reply came within the reply deadline. */
  public long replyDeadlinesMissed() {
    return replyDeadlinesMissed.sum();
  }

  /** Replies that found no call waiting for them: late, or for a closed connection. */
  /** CALLs published to the inbox a second time because no answer came in resend-after. */
  public long callsResent() {
    return callsResent.sum();
  }

  public long repliesDropped() {
    return repliesDropped.sum();
  }

  /** Malformed CALLs answered with a CALLERROR naming the fault. */
  public long invalidFramesAnswered() {
    return invalidFramesAnswered.sum();
  }

  /** Malformed frames without a message id to answer: logged and dropped. */
  public long invalidFramesIgnored() {
    return invalidFramesIgnored.sum();
  }

  /** Frames with a message type number OCPP 1.6 does not define: ignored (OCPP-J 4.1.3). */
  public long unknownFramesIgnored() {
    return unknownFramesIgnored.sum();
  }

  /** Connections closed with 1003 because the charger sent a binary frame. */
  public long binaryFrameCloses() {
    return binaryFrameCloses.sum();
  }

  /** Connections closed with 1009 because a message exceeded the size limit. */
  public long oversizeCloses() {
    return oversizeCloses.sum();
  }

  /** Connections closed as dead because no pong came within the pong timeout. */
  public long pingTimeouts() {
    return pingTimeouts.sum();
  }

  /** Central-system CALLs sent to chargers. */
  public long centralCallsSent() {
    return centralCallsSent.sum();
  }

  /** Central-system CALLs the charger did not answer within the call timeout. */
  public long centralCallsTimedOut() {
    return centralCallsTimedOut.sum();
  }

  /** Central-system CALLs failed because the charger was or went offline. */
  public long centralCallsOffline() {
    return centralCallsOffline.sum();
  }

  /** Frames over the per-connection frame-rate limit: not processed (a CALL got a CALLERROR). */
  public long framesRateLimited() {
    return framesRateLimited.sum();
  }

  /** Connections closed with 1008 for sending more than twice the frame-rate limit. */
  public long rateLimitCloses() {
    return rateLimitCloses.sum();
  }

  /** Handshakes refused with 503 because the gateway held max-connections. */
  public long connectionLimitRefused() {
    return connectionLimitRefused.sum();
  }

  /** Handshakes refused with 429: their source address was over handshake-rate-limit. */
  public long handshakeRateRefused() {
    return handshakeRateRefused.sum();
  }
}
