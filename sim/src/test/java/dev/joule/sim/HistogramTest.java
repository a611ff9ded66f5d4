package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void emptyHistogramReportsZeros() {
    Histogram h = new Histogram();

    assertThat(h.count()).isZero();
    assertThat(h.percentile(99)).isZero();
    assertThat(h.min()).isZero();
    assertThat(h.max()).isZero();
    assertThat(h.mean()).isZero();
  }

  @Test
  void smallValuesAreExact() {
    Histogram h = new Histogram();
    for (long v = 0; v < 64; v++) {
      h.record(v);
    }

    assertThat(h.percentile(50)).isEqualTo(31);
    assertThat(h.percentile(100)).isEqualTo(63);
    assertThat(h.min()).isZero();
  }

  @Test
  void everyBucketBoundaryIsContinuous() {
    for (int i = 1; i < Histogram.index(Histogram.MAX_TRACKABLE); i++) {
      long upper = Histogram.upperBound(i);
      assertThat(Histogram.index(upper)).as("upper bound of bucket %d", i).isEqualTo(i);
      assertThat(Histogram.index(upper + 1)).as("value after bucket %d", i).isEqualTo(i + 1);
    }
  }

  @Test
  void percentilesOfUniformValuesAreWithinThePromisedRelativeError() {
    Histogram h = new Histogram();
    // 1 µs .. 100 ms in 1 µs steps, shuffled order does not matter for a histogram
    for (long micros = 1; micros <= 100_000; micros++) {
      h.record(micros * 1_000);
    }

    assertThat((double) h.percentile(50)).isCloseTo(50_000_000, within(50_000_000 / 32.0));
    assertThat((double) h.percentile(90)).isCloseTo(90_000_000, within(90_000_000 / 32.0));
    assertThat((double) h.percentile(99)).isCloseTo(99_000_000, within(99_000_000 / 32.0));
    assertThat(h.percentile(50)).isGreaterThanOrEqualTo(50_000_000);
    assertThat(h.max()).isEqualTo(100_000_000);
    assertThat(h.min()).isEqualTo(1_000);
    assertThat(h.mean()).isCloseTo(50_000_500, within(0.5));
  }

  @Test
  void percentilesMatchSortedRandomLatencies() {
    SplittableRandom random = new SplittableRandom(7);
    long[] values = new long[50_000];
    Histogram h = new Histogram();
    for (int i = 0; i < values.length; i++) {
      // log-normal-ish: most answers in about a millisecond, a long tail to seconds
      values[i] = (long) (1_000_000 * Math.exp(random.nextGaussian() * 1.5));
      h.record(values[i]);
    }
    Arrays.sort(values);

    for (double p : new double[] {50, 90, 99, 99.9}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      assertThat(h.percentile(p)).as("p%s", p).isBetween(exact, exact + exact / 32 + 1);
    }
    assertThat(h.percentile(100)).isEqualTo(values[values.length - 1]);
  }

  @Test
  void mergedHistogramsEqualOneThatSawEveryValue() {
    Histogram a = new Histogram();
    Histogram b = new Histogram();
    Histogram all = new Histogram();
    for (long v = 1; v <= 10_000; v++) {
      (v % 3 == 0 ? a : b).record(v * 997);
      all.record(v * 997);
    }

    Histogram merged = a.copy();
    merged.add(b);

    assertThat(merged.count()).isEqualTo(10_000);
    assertThat(merged.min()).isEqualTo(all.min());
    assertThat(merged.max()).isEqualTo(all.max());
    for (double p : new double[] {1, 50, 90, 99, 100}) {
      assertThat(merged.percentile(p)).as("p%s", p).isEqualTo(all.percentile(p));
    }
    assertThat(a.count()).as("copy left the original alone").isEqualTo(3_333);
  }

  @Test
  void valuesBeyondTheTrackableRangeKeepAnExactMax() {
    Histogram h = new Histogram();
    h.record(Long.MAX_VALUE);
    h.record(-5);

    assertThat(h.max()).isEqualTo(Long.MAX_VALUE);
    assertThat(h.min()).isZero();
    assertThat(h.percentile(100)).isEqualTo(Long.MAX_VALUE);
    assertThat(h.percentile(50)).isZero();
  }

  @Test
  void percentileOutsideZeroToHundredIsRefused() {
    assertThatThrownBy(() -> new Histogram().percentile(100.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
