package dev.joule.status;

import java.util.Arrays;
import java.util.List;

/**
 * The series of an incident's chart over [{@code from}, {@code to}] (epoch seconds), in at most
 * {@code maxPoints} buckets of whole seconds: CALLs answered per second and in flight, summed over
 * every gateway node's tallies (a second without a node's row: nothing answered, nothing in flight
 * there, since a node writes every second in which CALLs are in flight); the acting supervisor's
 * backlog, oldest waiting message and longest a worker held its batch (a bucket without a signal
 * second: no value, a gap in the line); the longest wait of a CALL answered in the bucket. Per
 * bucket: the mean rate, the largest of the other values.
 *
 * @param seconds each bucket's first second
 * @param width seconds per bucket
 */
record ChartPoints(
    long[] seconds,
    int width,
    double[] answeredPerSecond,
    double[] inFlight,
    double[] backlog,
    double[] oldestWaitingSeconds,
    double[] longestHeldSeconds,
    double[] longestWaitSeconds) {

  static ChartPoints of(
      long from,
      long to,
      List<CallTally> tallies,
      List<HistoryStore.SignalSecond> signals,
      int maxPoints) {
    long span = to - from + 1;
    int width = (int) Math.max(1, (span + maxPoints - 1) / maxPoints);
    int n = (int) ((span + width - 1) / width);
    long[] seconds = new long[n];
    for (int i = 0; i < n; i++) {
      seconds[i] = from + (long) i * width;
    }
    double[] answered = new double[n];
    double[] longest = new double[n];
    long[] inFlightBySecond = new long[(int) span];
    for (CallTally t : tallies) {
      if (t.second() < from || t.second() > to) {
        continue;
      }
      int b = (int) ((t.second() - from) / width);
      answered[b] += t.answered() / (double) width;
      longest[b] = Math.max(longest[b], t.longestWaitMicros() / 1e6);
      inFlightBySecond[(int) (t.second() - from)] += t.inFlight();
    }
    double[] inFlight = new double[n];
    for (int s = 0; s < span; s++) {
      int b = s / width;
      inFlight[b] = Math.max(inFlight[b], inFlightBySecond[s]);
    }
    double[] backlog = new double[n];
    double[] oldest = new double[n];
    double[] held = new double[n];
    Arrays.fill(backlog, Double.NaN);
    Arrays.fill(oldest, Double.NaN);
    Arrays.fill(held, Double.NaN);
    for (HistoryStore.SignalSecond s : signals) {
      if (s.second() < from || s.second() > to) {
        continue;
      }
      int b = (int) ((s.second() - from) / width);
      backlog[b] = larger(backlog[b], s.backlog());
      oldest[b] = larger(oldest[b], s.oldestWaitingMillis() / 1e3);
      held[b] = larger(held[b], s.longestHeldMillis() / 1e3);
    }
    return new ChartPoints(seconds, width, answered, inFlight, backlog, oldest, held, longest);
  }

  /** The larger of the two; {@code value} if {@code current} has none yet. */
  private static double larger(double current, double value) {
    return Double.isNaN(current) ? value : Math.max(current, value);
  }
}
