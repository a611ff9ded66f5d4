package dev.joule.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-second aggregates of the CALLs this gateway answers, for the postmortem draft (issue 11):
 * answered, delayed beyond {@link #DELAY_THRESHOLD}, the longest wait, a latency histogram ({@link
 * LatencyBuckets}), deadline misses, the chargers with a delayed CALL, commands sent and timed out.
 *
 * <p>Event loops only add to the accumulators of the current second: {@link LongAdder}s, one {@link
 * LongAccumulator} and, for a delayed CALL, one slot of a fixed array; no lock, no allocation. Each
 * second has its accumulators, in a ring of {@value #WINDOWS}; once a second {@link #roll()} (one
 * timer thread) reads and clears those of the second before last, which no event loop writes any
 * more, into an immutable {@link CallSecond}. A write that stalls for more than a second between
 * reading the clock and adding is counted {@value #WINDOWS} s later: totals stay exact. Seconds in
 * which something happened, or CALLs were in flight, are kept in memory for the last {@value #KEPT}
 * of them, and read from there by the status recorder, which persists them and retries after a
 * failed write.
 */
public final class CallSeconds {
  /** A CALL answered later than this after it arrived at the gateway counts as delayed. */
  public static final Duration DELAY_THRESHOLD = Duration.ofSeconds(1);

  /** Delayed chargers named per second; beyond, only counted (memory and row size bound). */
  public static final int CHARGERS_PER_SECOND = 10_000;

  /** Seconds kept in memory (about 1 h of activity), for the recorder to write or write again. */
  static final int KEPT = 3_600;

  private static final int WINDOWS = 8;
  private static final long DELAY_NANOS = DELAY_THRESHOLD.toNanos();

  private final Clock clock;
  private final GatewayCounters counters;
  private final Window[] windows = new Window[WINDOWS];
  private final long startedAt;

  // Guarded by this: the roller's state.
  private final ArrayDeque<CallSecond> kept = new ArrayDeque<>();
  private long rolled;
  private long receivedTotal;
  private long answeredTotal;
  private long abandonedTotal;
  private long commandsSent;
  private long commandsTimedOut;

  CallSeconds(Clock clock, GatewayCounters counters) {
    this.clock = clock;
    this.counters = counters;
    for (int i = 0; i < WINDOWS; i++) {
      windows[i] = new Window();
    }
    this.startedAt = clock.millis() / 1000;
    this.rolled = startedAt - 1;
    this.commandsSent = counters.centralCallsSent();
    this.commandsTimedOut = counters.centralCallsTimedOut();
  }

  /** A CALL arrived in epoch second {@code second}. */
  void received(long second) {
    window(second).received.increment();
  }

  /**
   * A CALL was answered after waiting {@code waitedNanos} since it arrived. Returns the second in
   * which {@code chargerId} is now counted as a charger with a delayed CALL: {@code countedIn}
   * unchanged when this CALL was not delayed; the caller keeps it, so that a charger is named once
   * per second however many of its CALLs were delayed in it.
   */
  long answered(long waitedNanos, String chargerId, long countedIn) {
    long second = clock.millis() / 1000;
    Window w = window(second);
    long micros = waitedNanos / 1000;
    w.answered.increment();
    w.buckets[LatencyBuckets.index(micros)].increment();
    w.longest.accumulate(micros);
    if (waitedNanos <= DELAY_NANOS) {
      return countedIn;
    }
    w.delayed.increment();
    if (countedIn != second) {
      int slot = w.claimed.getAndIncrement();
      if (slot < CHARGERS_PER_SECOND) {
        w.chargers.set(slot, chargerId);
      }
    }
    return second;
  }

  /** The CALL just counted as answered was answered InternalError at the reply deadline. */
  void deadlineMissed() {
    window(clock.millis() / 1000).missed.increment();
  }

  /** A connection closed with {@code calls} CALLs queued or in flight. */
  void abandoned(int calls) {
    window(clock.millis() / 1000).abandoned.add(calls);
  }

  /**
   * Rolls every second up to the one before last into a {@link CallSecond}. Call once a second,
   * from one thread; quick (no I/O).
   */
  public synchronized void roll() {
    long newest = clock.millis() / 1000 - 2;
    // Behind by more than the ring: the skipped seconds' counts went into later seconds' windows.
    for (long s = Math.max(rolled + 1, newest - (WINDOWS - 3)); s <= newest; s++) {
      rollOne(s);
    }
    rolled = Math.max(rolled, newest);
  }

  /** The kept seconds after epoch second {@code second}, oldest first, at most {@code limit}. */
  public synchronized List<CallSecond> after(long second, int limit) {
    List<CallSecond> found = new ArrayList<>();
    for (CallSecond s : kept) {
      if (s.second() > second && found.size() < limit) {
        found.add(s);
      }
    }
    return found;
  }

  private void rollOne(long second) {
    Window w = window(second);
    long received = w.received.sumThenReset();
    long answered = w.answered.sumThenReset();
    long delayed = w.delayed.sumThenReset();
    long missed = w.missed.sumThenReset();
    long abandoned = w.abandoned.sumThenReset();
    long longest = w.longest.getThenReset();
    long[] counts = new long[LatencyBuckets.COUNT];
    int used = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = w.buckets[i].sumThenReset();
      used += counts[i] == 0 ? 0 : 1;
    }
    long[] uppers = new long[used];
    long[] inBucket = new long[used];
    for (int i = 0, j = 0; i < counts.length; i++) {
      if (counts[i] != 0) {
        uppers[j] = LatencyBuckets.upperMicros(i);
        inBucket[j++] = counts[i];
      }
    }
    int claimed = w.claimed.getAndSet(0);
    Set<String> chargers = new LinkedHashSet<>();
    for (int i = 0; i < Math.min(claimed, CHARGERS_PER_SECOND); i++) {
      String id = w.chargers.getAndSet(i, null);
      if (id != null) {
        chargers.add(id);
      }
    }
    long sent = counters.centralCallsSent();
    long timedOut = counters.centralCallsTimedOut();
    long sentNow = sent - commandsSent;
    long timedOutNow = timedOut - commandsTimedOut;
    commandsSent = sent;
    commandsTimedOut = timedOut;
    long inFlightBefore = receivedTotal - answeredTotal - abandonedTotal;
    receivedTotal += received;
    answeredTotal += answered;
    abandonedTotal += abandoned;
    boolean quiet =
        received == 0 && answered == 0 && abandoned == 0 && sentNow == 0 && timedOutNow == 0;
    if (quiet && inFlightBefore == 0) {
      return;
    }
    kept.addLast(
        new CallSecond(
            second,
            startedAt,
            received,
            answered,
            delayed,
            missed,
            abandoned,
            longest,
            uppers,
            inBucket,
            List.copyOf(chargers),
            Math.max(0, claimed - CHARGERS_PER_SECOND),
            sentNow,
            timedOutNow,
            receivedTotal,
            answeredTotal,
            abandonedTotal));
    if (kept.size() > KEPT) {
      kept.removeFirst();
    }
  }

  private Window window(long second) {
    return windows[(int) Math.floorMod(second, WINDOWS)];
  }

  /** One second's accumulators. */
  private static final class Window {
    final LongAdder received = new LongAdder();
    final LongAdder answered = new LongAdder();
    final LongAdder delayed = new LongAdder();
    final LongAdder missed = new LongAdder();
    final LongAdder abandoned = new LongAdder();
    final LongAccumulator longest = new LongAccumulator(Math::max, 0);
    final LongAdder[] buckets = new LongAdder[LatencyBuckets.COUNT];
    final AtomicInteger claimed = new AtomicInteger();
    final AtomicReferenceArray<String> chargers = new AtomicReferenceArray<>(CHARGERS_PER_SECOND);

    Window() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }
}
