package dev.joule.status;

import java.util.List;

/**
 * One second of one gateway node's CALLs, as recorded for the postmortem (a row of {@code
 * call_second}, migration V8). Seconds are UTC epoch seconds; the fields are those of the gateway's
 * per-second aggregate, which the app maps to this record.
 *
 * @param startedAt epoch second the node's gateway started counting (a new one: it restarted)
 * @param bucketUpperMicros upper bounds of the histogram's non-empty buckets, ascending
 * @param bucketCounts CALLs in each of those buckets
 * @param moreDelayedChargers chargers with a delayed CALL beyond those named
 */
public record CallTally(
    String node,
    long second,
    long startedAt,
    long received,
    long answered,
    long delayed,
    long deadlinesMissed,
    long abandoned,
    long longestWaitMicros,
    long[] bucketUpperMicros,
    long[] bucketCounts,
    List<String> delayedChargers,
    long moreDelayedChargers,
    long commandsSent,
    long commandsTimedOut,
    long receivedTotal,
    long answeredTotal,
    long abandonedTotal) {

  public CallTally {
    delayedChargers = List.copyOf(delayedChargers);
  }

  /** CALLs still queued or in flight at the end of this second. */
  long inFlight() {
    return receivedTotal - answeredTotal - abandonedTotal;
  }
}
