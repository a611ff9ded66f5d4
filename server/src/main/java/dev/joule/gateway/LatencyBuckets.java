package dev.joule.gateway;

/**
 * Fixed log-scale buckets for a CALL's wait in microseconds: four per power of two, so each is at
 * most 25 % wide and a percentile read as a bucket's upper bound is at most 25 % above the true
 * value. 0 to 3 µs have a bucket each; everything from 2^31 µs (36 min) up shares the last one.
 * Computing a bucket is a few integer operations, no allocation: it runs for every answered CALL.
 */
public final class LatencyBuckets {
  private static final int TOP_OCTAVE = 31;

  /** How many buckets there are. */
  public static final int COUNT = 4 * TOP_OCTAVE;

  private LatencyBuckets() {}

  /** The bucket of a wait of {@code micros}; negative waits count as 0. */
  public static int index(long micros) {
    if (micros < 4) {
      return (int) Math.max(0, micros);
    }
    int octave = 63 - Long.numberOfLeadingZeros(micros);
    if (octave > TOP_OCTAVE) {
      return COUNT - 1;
    }
    int quarter = (int) (micros >>> (octave - 2)) & 3;
    return 4 * (octave - 1) + quarter;
  }

  /** The smallest wait in bucket {@code index}, in microseconds. */
  public static long lowerMicros(int index) {
    if (index < 4) {
      return index;
    }
    return (4L + index % 4) << (index / 4 - 1);
  }

  /** The first wait above bucket {@code index}, in microseconds; the last bucket has no end. */
  public static long upperMicros(int index) {
    if (index == COUNT - 1) {
      return Long.MAX_VALUE;
    }
    if (index < 4) {
      return index + 1;
    }
    return (5L + index % 4) << (index / 4 - 1);
  }
}
