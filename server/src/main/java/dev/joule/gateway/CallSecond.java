package dev.joule.gateway;

import java.util.List;

/**
 * What one gateway saw of its chargers' CALLs in one second (UTC epoch second {@code second}), for
 * the postmortem draft. Counts are by the second in which the CALL was answered (received: in which
 * it arrived); the totals run since {@code startedAt}, so that what is still in flight and whether
 * a second is missing can be told from two seconds alone.
 *
 * @param startedAt epoch second the gateway started counting: a new value is a restart
 * @param received CALLs that arrived
 * @param answered CALLs answered: by the processors' reply, or CALLERROR (queue full, deadline)
 * @param delayed answered later than {@link CallSeconds#DELAY_THRESHOLD} after they arrived
 * @param deadlinesMissed answered InternalError at the reply deadline (also in answered)
 * @param abandoned unanswered when their connection closed (the charger sends them again)
 * @param longestWaitMicros the longest wait of a CALL answered in this second
 * @param bucketUpperMicros the upper bounds of the {@link LatencyBuckets} that have CALLs
 * @param bucketCounts how many CALLs each of those buckets has
 * @param delayedChargers chargers with a delayed CALL, at most {@link
 *     CallSeconds#CHARGERS_PER_SECOND}
 * @param moreDelayedChargers chargers with a delayed CALL beyond that bound
 * @param commandsSent central-system CALLs sent (counted in the second they were rolled up)
 * @param commandsTimedOut central-system CALLs the charger did not answer in time
 */
public record CallSecond(
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

  public CallSecond {
    delayedChargers = List.copyOf(delayedChargers);
  }

  /** CALLs received and neither answered nor abandoned at the end of this second. */
  public long inFlight() {
    return receivedTotal - answeredTotal - abandonedTotal;
  }
}
