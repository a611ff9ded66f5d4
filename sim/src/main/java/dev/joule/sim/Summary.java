package dev.joule.sim;

import dev.joule.ocpp.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a run. Latencies are in nanoseconds; per-action and total figures cover the whole
 * run (ramp, steady phase and drain), the steady figures only the answers received in the steady
 * phase.
 */
record Summary(
    String url,
    int chargers,
    double rampSeconds,
    double steadySeconds,
    double targetRate,
    Connections connections,
    long steadyAnswers,
    double steadyRate,
    Latency steadyLatency,
    List<ActionResult> actions,
    ActionResult total,
    long inboundCalls,
    long inboundRefused,
    long unmatchedFrames,
    Delayed delayed) {

  Summary {
    actions = List.copyOf(actions);
  }

  /**
   * Connection attempts and what became of them; {@code booted} chargers got their BootNotification
   * accepted, the last {@code allBootedSeconds} after the run started (-1 if not every charger
   * booted).
   */
  record Connections(
      long attempted,
      long opened,
      long failed,
      long dropped,
      long openAtEnd,
      long booted,
      double allBootedSeconds) {}

  /**
   * Answers later than {@code thresholdNanos} after their CALL was sent, received from {@code from}
   * on ({@link Instant#EPOCH}: the whole run), and the chargers that got at least one: the
   * simulator's side of the postmortem draft's "CALLs delayed" and "chargers affected", which the
   * gateway counts from a CALL's arrival.
   */
  record Delayed(long thresholdNanos, Instant from, long calls, long chargers) {}

  /** Percentiles of a latency histogram, in nanoseconds. */
  record Latency(long count, long p50, long p90, long p99, long max, double mean) {
    static Latency of(Histogram h) {
      return new Latency(
          h.count(), h.percentile(50), h.percentile(90), h.percentile(99), h.max(), h.mean());
    }
  }

  /**
   * What happened to the CALLs of one action: {@code sent = results + callErrors + timeouts +
   * lost}; {@code invalid} counts answers that did not validate.
   */
  record ActionResult(
      String action,
      long sent,
      long results,
      long callErrors,
      long timeouts,
      long lost,
      long invalid,
      Latency latency) {

    /** Sent CALLs that got no valid CALLRESULT. */
    long failures() {
      return callErrors + timeouts + lost + invalid;
    }
  }

  static Summary of(SimConfig config, Stats stats) {
    List<ActionResult> actions = new ArrayList<>();
    for (Action action : Action.values()) {
      Stats.PerAction a = stats.of(action);
      if (a.sent > 0) {
        actions.add(
            new ActionResult(
                action.wire(),
                a.sent,
                a.results,
                a.callErrors,
                a.timeouts,
                a.lost,
                a.invalid,
                Latency.of(a.latency)));
      }
    }
    ActionResult total =
        new ActionResult(
            "total",
            stats.sum(a -> a.sent),
            stats.sum(a -> a.results),
            stats.sum(a -> a.callErrors),
            stats.sum(a -> a.timeouts),
            stats.sum(a -> a.lost),
            stats.sum(a -> a.invalid),
            Latency.of(stats.overall));
    double steadySeconds = config.duration().toNanos() / 1e9;
    return new Summary(
        config.url().toString(),
        config.chargers(),
        config.ramp().toNanos() / 1e9,
        steadySeconds,
        config.rate(),
        new Connections(
            stats.connectsStarted,
            stats.connected,
            stats.connectsFailed,
            stats.dropped,
            stats.open(),
            stats.booted,
            stats.booted == config.chargers() ? stats.lastBootNanos / 1e9 : -1),
        stats.steady.count(),
        steadySeconds == 0 ? 0 : stats.steady.count() / steadySeconds,
        Latency.of(stats.steady),
        actions,
        total,
        stats.inboundCalls,
        stats.inboundRefused,
        stats.unmatchedFrames,
        new Delayed(
            Stats.DELAY_THRESHOLD_NANOS,
            config.countDelayedFrom(),
            stats.delayedCalls,
            stats.delayedChargers));
  }
}
