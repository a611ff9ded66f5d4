package dev.joule.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyBucketsTest {
  @Test
  void everyWaitFallsInABucketAtMostAQuarterWide() {
    int previous = 0;
    for (long micros = 0;
        micros < 40_000_000L;
        micros = micros < 100 ? micros + 1 : micros * 11 / 10) {
      int index = LatencyBuckets.index(micros);
      assertThat(index).as("index of %d", micros).isGreaterThanOrEqualTo(previous);
      assertThat(LatencyBuckets.lowerMicros(index))
          .as("lower of %d", micros)
          .isLessThanOrEqualTo(micros);
      assertThat(LatencyBuckets.upperMicros(index)).as("upper of %d", micros).isGreaterThan(micros);
      if (micros >= 4) {
        assertThat((double) LatencyBuckets.upperMicros(index) / LatencyBuckets.lowerMicros(index))
            .isLessThanOrEqualTo(1.25);
      }
      previous = index;
    }
  }

  @Test
  void neighbouringBucketsMeetWithoutAGap() {
    for (int i = 0; i < LatencyBuckets.COUNT - 1; i++) {
      assertThat(LatencyBuckets.lowerMicros(i + 1))
          .as("bucket %d", i)
          .isEqualTo(LatencyBuckets.upperMicros(i));
    }
  }

  @Test
  void hugeAndNegativeWaitsStayInRange() {
    assertThat(LatencyBuckets.index(Long.MAX_VALUE)).isEqualTo(LatencyBuckets.COUNT - 1);
    assertThat(LatencyBuckets.upperMicros(LatencyBuckets.COUNT - 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(LatencyBuckets.index(-5)).isZero();
  }
}
