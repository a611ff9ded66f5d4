package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallImpactTest {
  static final long STARTED = 900;

  /** A second of {@code node}: {@code received} and {@code answered} on top of {@code prev}. */
  static CallTally second(
      String node, long second, CallTally prev, long received, long answered, long abandoned) {
    return new CallTally(
        node,
        second,
        STARTED,
        received,
        answered,
        0,
        0,
        abandoned,
        answered == 0 ? 0 : 800,
        answered == 0 ? new long[0] : new long[] {896},
        answered == 0 ? new long[0] : new long[] {answered},
        List.of(),
        0,
        0,
        0,
        (prev == null ? 0 : prev.receivedTotal()) + received,
        (prev == null ? 0 : prev.answeredTotal()) + answered,
        (prev == null ? 0 : prev.abandonedTotal()) + abandoned);
  }

  /** {@code t} with {@code delayed} CALLs that waited up to {@code longest} µs, from chargers. */
  static CallTally delayed(CallTally t, long delayed, long longest, String... chargers) {
    return new CallTally(
        t.node(),
        t.second(),
        t.startedAt(),
        t.received(),
        t.answered(),
        delayed,
        0,
        t.abandoned(),
        longest,
        new long[] {896, longest + 1},
        new long[] {t.answered() - delayed, delayed},
        List.of(chargers),
        0,
        0,
        0,
        t.receivedTotal(),
        t.answeredTotal(),
        t.abandonedTotal());
  }

  @Test
  void twoNodesAreSummedAndAChargerDelayedInSeveralSecondsCountsOnce() {
    CallTally a1 = second("gw-a", 1000, null, 10, 8, 0);
    CallTally a2 = delayed(second("gw-a", 1001, a1, 0, 2, 0), 2, 2_400_000, "CP-1", "CP-2");
    CallTally b1 = delayed(second("gw-b", 1001, null, 5, 5, 0), 3, 3_100_000, "CP-2", "CP-3");

    CallImpact impact = CallImpact.of(1000, 1010, List.of(), List.of(a1, a2, b1));

    assertThat(impact.received()).isEqualTo(15);
    assertThat(impact.answered()).isEqualTo(15);
    assertThat(impact.delayed()).isEqualTo(5);
    assertThat(impact.chargers()).containsExactlyInAnyOrder("CP-1", "CP-2", "CP-3");
    assertThat(impact.longestWaitMicros()).isEqualTo(3_100_000);
    assertThat(impact.nodes()).containsExactly("gw-a", "gw-b");
    assertThat(impact.nothingLost()).isTrue();
  }

  @Test
  void callsInFlightAtTheStartAreTakenFromTheSecondBefore() {
    CallTally base = second("gw-a", 990, null, 4, 1, 0);
    CallTally first = second("gw-a", 991, base, 0, 3, 0);

    CallImpact impact = CallImpact.of(991, 1000, List.of(base), List.of(first));

    assertThat(impact.inFlightAtStart()).isEqualTo(3);
    assertThat(impact.inFlightAtEnd()).isZero();
    assertThat(impact.nothingLost()).isTrue();
  }

  @Test
  void aMissingSecondWhileCallsWereInFlightMakesLossUnknown() {
    CallTally s1 = second("gw-a", 1000, null, 3, 1, 0);
    CallTally s3 = second("gw-a", 1002, s1, 0, 2, 0); // 1001 (2 in flight) is missing

    CallImpact impact = CallImpact.of(1000, 1005, List.of(), List.of(s1, s3));

    assertThat(impact.nothingLost()).isFalse();
    assertThat(impact.gaps()).singleElement().asString().contains("gw-a has no record");
  }

  @Test
  void aMissingSecondWithCallsIsSeenInTheTotals() {
    CallTally s1 = second("gw-a", 1000, null, 3, 3, 0);
    CallTally lost = second("gw-a", 1003, s1, 2, 2, 0);
    CallTally s5 = second("gw-a", 1005, lost, 1, 1, 0);

    CallImpact impact = CallImpact.of(1000, 1006, List.of(), List.of(s1, s5));

    assertThat(impact.gaps()).isNotEmpty();
  }

  @Test
  void aRestartDuringTheIncidentMakesLossUnknown() {
    CallTally old = second("gw-a", 995, null, 1, 1, 0);
    CallTally restarted =
        new CallTally(
            "gw-a",
            1003,
            1002,
            1,
            1,
            0,
            0,
            0,
            10,
            new long[] {11},
            new long[] {1},
            List.of(),
            0,
            0,
            0,
            1,
            1,
            0);

    CallImpact impact = CallImpact.of(1000, 1005, List.of(old), List.of(restarted));

    assertThat(impact.gaps()).singleElement().asString().contains("restarted");
  }

  @Test
  void aRecordEndingWithCallsInFlightMakesLossUnknownButOneEndingIdleDoesNot() {
    CallTally holding = second("gw-a", 1000, null, 2, 0, 0);
    assertThat(CallImpact.of(1000, 1005, List.of(), List.of(holding)).gaps())
        .singleElement()
        .asString()
        .contains("record ends");

    CallTally idle = second("gw-a", 1000, null, 2, 2, 0);
    assertThat(CallImpact.of(1000, 1005, List.of(), List.of(idle)).nothingLost()).isTrue();
  }

  @Test
  void callsAbandonedAtAConnectionsCloseAreNotKnownToBeAnswered() {
    CallTally s = second("gw-a", 1000, null, 3, 2, 1);

    CallImpact impact = CallImpact.of(1000, 1005, List.of(), List.of(s));

    assertThat(impact.gaps()).isEmpty();
    assertThat(impact.abandoned()).isEqualTo(1);
    assertThat(impact.nothingLost()).isFalse();
  }

  @Test
  void p99IsTheUpperBoundOfItsBucketButNeverAboveTheLongestWait() {
    CallTally fast = second("gw-a", 1000, null, 100, 100, 0);
    assertThat(CallImpact.percentile(List.of(fast), 0.99)).isEqualTo(800); // longest 800 < 896

    CallTally slow = delayed(second("gw-a", 1000, null, 100, 100, 0), 2, 2_000_000);
    assertThat(CallImpact.percentile(List.of(slow), 0.99)).isEqualTo(2_000_000);
    assertThat(CallImpact.percentile(List.of(slow), 0.5)).isEqualTo(896);
    assertThat(CallImpact.percentile(List.of(), 0.99)).isEqualTo(-1);
  }
}
