package dev.joule.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the recorded tallies say of the CALLs of one interval [{@code from}, {@code to}] (epoch
 * seconds), summed over every gateway node that recorded some: the impact section of a postmortem.
 *
 * <p>Whether a CALL could have been lost is decided from the nodes' running totals: for each node
 * the totals of each second must continue those of the second before it (no second with CALLs is
 * missing), a node with CALLs in flight must have a record for the next second, it must not have
 * restarted in the interval, and the counts must balance: in flight at the start + received =
 * answered + abandoned + in flight at the end. {@link #gaps()} says why that is not known.
 *
 * @param chargers the chargers with a delayed CALL, as named
 * @param moreChargers true if some seconds had more delayed chargers than they name
 * @param gaps why the record cannot show that no CALL was lost; empty when it can
 */
record CallImpact(
    long received,
    long answered,
    long delayed,
    long deadlinesMissed,
    long abandoned,
    long longestWaitMicros,
    long p99Micros,
    Set<String> chargers,
    boolean moreChargers,
    long commandsSent,
    long commandsTimedOut,
    long inFlightAtStart,
    long inFlightAtEnd,
    List<String> nodes,
    List<String> gaps) {

  /** Seconds before {@code from} in which a node's record stopping with CALLs in flight matters. */
  private static final long RECENT = 60;

  /** True when the record shows that every CALL received was answered or is still in flight. */
  boolean nothingLost() {
    return gaps.isEmpty() && abandoned == 0;
  }

  /**
   * @param before each node's newest tally before {@code from} (where its totals stood)
   * @param during the tallies of [{@code from}, {@code to}], by node and second
   */
  static CallImpact of(long from, long to, List<CallTally> before, List<CallTally> during) {
    Map<String, List<CallTally>> byNode = new LinkedHashMap<>();
    for (CallTally t : during) {
      byNode.computeIfAbsent(t.node(), n -> new ArrayList<>()).add(t);
    }
    Map<String, CallTally> base = new LinkedHashMap<>();
    before.forEach(t -> base.put(t.node(), t));
    List<String> gaps = new ArrayList<>();
    long atStart = 0;
    long atEnd = 0;
    for (CallTally b : base.values()) {
      if (!byNode.containsKey(b.node()) && b.inFlight() > 0 && b.second() >= from - RECENT) {
        gaps.add(b.node() + "'s record stops at " + time(b.second()) + " with CALLs in flight");
      }
    }
    for (Map.Entry<String, List<CallTally>> entry : byNode.entrySet()) {
      CallTally b = base.get(entry.getKey());
      List<CallTally> rows = entry.getValue();
      CallTally prev = b != null && b.startedAt() == rows.getFirst().startedAt() ? b : null;
      atStart += prev == null ? 0 : prev.inFlight();
      check(entry.getKey(), from, to, b, prev, rows, gaps);
      atEnd += rows.getLast().inFlight();
    }
    long received = sum(during, CallTally::received);
    long answered = sum(during, CallTally::answered);
    long abandoned = sum(during, CallTally::abandoned);
    if (gaps.isEmpty() && atStart + received != answered + abandoned + atEnd) {
      gaps.add("the counts do not add up");
    }
    Set<String> chargers = new LinkedHashSet<>();
    during.forEach(t -> chargers.addAll(t.delayedChargers()));
    return new CallImpact(
        received,
        answered,
        sum(during, CallTally::delayed),
        sum(during, CallTally::deadlinesMissed),
        abandoned,
        during.stream().mapToLong(CallTally::longestWaitMicros).max().orElse(0),
        percentile(during, 0.99),
        chargers,
        during.stream().anyMatch(t -> t.moreDelayedChargers() > 0),
        sum(during, CallTally::commandsSent),
        sum(during, CallTally::commandsTimedOut),
        atStart,
        atEnd,
        List.copyOf(byNode.keySet()),
        gaps);
  }

  /** One node's seconds: one run since one start, each continuing the one before. */
  private static void check(
      String node,
      long from,
      long to,
      CallTally base,
      CallTally prev,
      List<CallTally> rows,
      List<String> gaps) {
    long started = rows.getFirst().startedAt();
    if (rows.stream().anyMatch(t -> t.startedAt() != started)
        || (started >= from && base != null)) {
      gaps.add(node + " restarted during the incident: what it held then is not recorded");
      return;
    }
    for (CallTally row : rows) {
      boolean continues =
          row.receivedTotal() - row.received() == (prev == null ? 0 : prev.receivedTotal())
              && row.answeredTotal() - row.answered() == (prev == null ? 0 : prev.answeredTotal())
              && row.abandonedTotal() - row.abandoned()
                  == (prev == null ? 0 : prev.abandonedTotal());
      boolean next = prev == null || prev.inFlight() == 0 || row.second() == prev.second() + 1;
      if (!continues || !next) {
        gaps.add(node + " has no record of some seconds before " + time(row.second()));
        return;
      }
      prev = row;
    }
    CallTally last = rows.getLast();
    if (last.inFlight() > 0 && last.second() < to) {
      gaps.add(
          node
              + "'s record ends at "
              + time(last.second())
              + " with "
              + last.inFlight()
              + " CALLs in flight (seconds are written 2 to 3 s after they end)");
    }
  }

  /**
   * The upper bound of the histogram bucket holding the {@code q} quantile, at most the longest
   * wait; -1 when no CALL was answered.
   */
  static long percentile(List<CallTally> tallies, double q) {
    TreeMap<Long, Long> merged = new TreeMap<>();
    long total = 0;
    long longest = 0;
    for (CallTally t : tallies) {
      for (int i = 0; i < t.bucketUpperMicros().length; i++) {
        merged.merge(t.bucketUpperMicros()[i], t.bucketCounts()[i], Long::sum);
        total += t.bucketCounts()[i];
      }
      longest = Math.max(longest, t.longestWaitMicros());
    }
    if (total == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (Map.Entry<Long, Long> bucket : merged.entrySet()) {
      seen += bucket.getValue();
      if (seen >= rank) {
        return Math.min(bucket.getKey(), longest);
      }
    }
    return longest;
  }

  private static long sum(List<CallTally> tallies, java.util.function.ToLongFunction<CallTally> f) {
    return tallies.stream().mapToLong(f).sum();
  }

  private static String time(long second) {
    return Postmortem.time(Instant.ofEpochSecond(second));
  }
}
