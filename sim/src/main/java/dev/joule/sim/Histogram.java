package dev.joule.sim;

import java.util.Arrays;

/**
 * A latency histogram in nanoseconds with log-linear buckets: 32 linear sub-buckets per power of
 * two, so a reported percentile is at most 1/32 (3.1%) above the true value. Values below 32 ns are
 * exact; values above {@link #MAX_TRACKABLE} (about 73 minutes) are counted in the last bucket. One
 * histogram is 1,216 longs (about 10 KiB) whatever the number of values recorded.
 *
 * <p>Not thread-safe: each event loop records into its own histograms and they are merged for
 * reporting.
 */
final class Histogram {
  private static final int SUB_BITS = 5;
  private static final int SUB_COUNT = 1 << SUB_BITS;

  /** Largest value given its own bucket: 2^42 - 1 ns. */
  static final long MAX_TRACKABLE = (1L << 42) - 1;

  private static final int BUCKETS = index(MAX_TRACKABLE) + 1;

  private final long[] counts = new long[BUCKETS];
  private long count;
  private long min = Long.MAX_VALUE;
  private long max;
  private long sum;

  /** Records one value in nanoseconds; negative values count as 0. */
  void record(long nanos) {
    long value = Math.max(0, nanos);
    counts[index(Math.min(value, MAX_TRACKABLE))]++;
    count++;
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += Math.min(value, MAX_TRACKABLE);
  }

  /** Adds every value recorded in {@code other}. */
  void add(Histogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    count += other.count;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
    sum += other.sum;
  }

  Histogram copy() {
    Histogram copy = new Histogram();
    copy.add(this);
    return copy;
  }

  long count() {
    return count;
  }

  /** Smallest value recorded, exact; 0 when empty. */
  long min() {
    return count == 0 ? 0 : min;
  }

  /** Largest value recorded, exact; 0 when empty. */
  long max() {
    return max;
  }

  /** Mean of the values recorded (exact up to MAX_TRACKABLE); 0 when empty. */
  double mean() {
    return count == 0 ? 0 : (double) sum / count;
  }

  /**
   * The value below or at which {@code percentile} percent of the recorded values lie (nearest
   * rank), as the upper bound of its bucket but never outside [min, max]; 0 when empty.
   */
  long percentile(double percentile) {
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be within [0, 100]: " + percentile);
    }
    if (count == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(percentile / 100 * count));
    if (rank >= count) {
      return max;
    }
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.clamp(upperBound(i), min, max);
      }
    }
    return max;
  }

  /** Bucket of a value in [0, MAX_TRACKABLE]: exact below 64, then 32 buckets per power of two. */
  static int index(long value) {
    if (value < SUB_COUNT) {
      return (int) value;
    }
    int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
    return (shift << SUB_BITS) + (int) (value >>> shift);
  }

  /** Largest value that falls into bucket {@code index}. */
  static long upperBound(int index) {
    if (index < SUB_COUNT) {
      return index;
    }
    int shift = (index >>> SUB_BITS) - 1;
    long mantissa = (index & (SUB_COUNT - 1)) + SUB_COUNT;
    return ((mantissa + 1) << shift) - 1;
  }

  @Override
  public String toString() {
    return "Histogram[count="
        + count
        + ", min="
        + min()
        + ", max="
        + max
        + ", buckets="
        + Arrays.stream(counts).filter(c -> c > 0).count()
        + "]";
  }
}
