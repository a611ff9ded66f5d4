package dev.joule.sim;

import dev.joule.ocpp.Action;
import java.util.function.ToLongFunction;

/**
 * What one event loop has measured. Written only from that event loop; read by copying it there
 * ({@link #copy()}) and merging copies ({@link #add(Stats)}) elsewhere.
 *
 * <p>Per action, every CALL sent ends in exactly one of: a CALLRESULT, a CALLERROR, a timeout, or
 * lost with its connection. {@code invalid} counts the answers of either kind that did not
 * validate.
 */
final class Stats {
  /**
   * A CALL answered later than this after it was sent counts as delayed: the gateway's threshold
   * for the postmortem draft ({@code CallSeconds.DELAY_THRESHOLD}, 1 s), so the two can be
   * compared.
   */
  static final long DELAY_THRESHOLD_NANOS = 1_000_000_000L;

  /** Counters and latencies of one action. */
  static final class PerAction {
    long sent;
    long results;
    long invalid;
    long callErrors;
    long timeouts;
    long lost;
    final Histogram latency = new Histogram();

    long answered() {
      return results + callErrors;
    }

    void add(PerAction other) {
      sent += other.sent;
      results += other.results;
      invalid += other.invalid;
      callErrors += other.callErrors;
      timeouts += other.timeouts;
      lost += other.lost;
      latency.add(other.latency);
    }
  }

  private final PerAction[] perAction = new PerAction[Action.values().length];

  /** Latency of every answer, whatever the action. */
  final Histogram overall = new Histogram();

  /** Latency of the answers received during the steady phase. */
  final Histogram steady = new Histogram();

  long connectsStarted;
  long connectsFailed;
  long connected;

  /** Chargers whose BootNotification was accepted. */
  long booted;

  /** When the last accepted BootNotification was answered, in nanos after the run started. */
  long lastBootNanos;

  /** Connections closed by the server or the network before the end of the run. */
  long dropped;

  /** CALLs from the central system, answered with a CALLERROR. */
  long inboundCalls;

  /** Of {@link #inboundCalls}, those answered with a CALLERROR (NotSupported or malformed). */
  long inboundRefused;

  /** Answers later than {@link #DELAY_THRESHOLD_NANOS}, whatever the action. */
  long delayedCalls;

  /** Chargers with at least one answer later than {@link #DELAY_THRESHOLD_NANOS}. */
  long delayedChargers;

  /** Frames that answer no outstanding CALL (late after a timeout, unknown id, unreadable). */
  long unmatchedFrames;

  Stats() {
    for (int i = 0; i < perAction.length; i++) {
      perAction[i] = new PerAction();
    }
  }

  PerAction of(Action action) {
    return perAction[action.ordinal()];
  }

  /** Connections open now. */
  long open() {
    return connected - dropped;
  }

  /** Answers (CALLRESULT or CALLERROR) of all actions. */
  long answered() {
    long answered = 0;
    for (PerAction a : perAction) {
      answered += a.answered();
    }
    return answered;
  }

  long sum(ToLongFunction<PerAction> counter) {
    long total = 0;
    for (PerAction a : perAction) {
      total += counter.applyAsLong(a);
    }
    return total;
  }

  void add(Stats other) {
    for (int i = 0; i < perAction.length; i++) {
      perAction[i].add(other.perAction[i]);
    }
    overall.add(other.overall);
    steady.add(other.steady);
    connectsStarted += other.connectsStarted;
    connectsFailed += other.connectsFailed;
    connected += other.connected;
    dropped += other.dropped;
    booted += other.booted;
    lastBootNanos = Math.max(lastBootNanos, other.lastBootNanos);
    inboundCalls += other.inboundCalls;
    inboundRefused += other.inboundRefused;
    unmatchedFrames += other.unmatchedFrames;
    delayedCalls += other.delayedCalls;
    delayedChargers += other.delayedChargers;
  }

  Stats copy() {
    Stats copy = new Stats();
    copy.add(this);
    return copy;
  }
}
