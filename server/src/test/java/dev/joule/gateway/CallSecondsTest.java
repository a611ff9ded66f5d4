package dev.joule.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallSecondsTest {
  private static final long T = 1_000;
  private static final long MS = 1_000_000;

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(T));
  private final GatewayCounters counters = new GatewayCounters();
  private final CallSeconds calls = new CallSeconds(clock, counters);

  @Test
  void aSecondIsRolledOnceNoEventLoopWritesItAndNamesADelayedChargerOnce() {
    calls.received(T);
    calls.received(T);
    calls.received(T);
    assertThat(calls.answered(5 * MS, "CP-1", -1)).isEqualTo(-1);
    long countedIn = calls.answered(2_500 * MS, "CP-2", -1);
    assertThat(countedIn).isEqualTo(T);
    assertThat(calls.answered(1_500 * MS, "CP-2", countedIn)).isEqualTo(T);

    clock.advance(Duration.ofSeconds(1));
    calls.roll();
    assertThat(calls.after(Long.MIN_VALUE, 10)).as("still being written").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    calls.roll();
    List<CallSecond> seconds = calls.after(Long.MIN_VALUE, 10);
    assertThat(seconds).hasSize(1);
    CallSecond s = seconds.getFirst();
    assertThat(s.second()).isEqualTo(T);
    assertThat(s.received()).isEqualTo(3);
    assertThat(s.answered()).isEqualTo(3);
    assertThat(s.delayed()).isEqualTo(2);
    assertThat(s.longestWaitMicros()).isEqualTo(2_500_000);
    assertThat(s.delayedChargers()).containsExactly("CP-2");
    assertThat(s.inFlight()).isZero();
    assertThat(Arrays.stream(s.bucketCounts()).sum()).isEqualTo(3);
    assertThat(s.bucketUpperMicros()[s.bucketUpperMicros().length - 1])
        .isBetween(2_500_001L, 2_500_000L * 5 / 4);
  }

  @Test
  void aQuietSecondIsKeptWhileCallsAreInFlightAndAbandonedOnesEndThem() {
    calls.received(T);
    calls.received(T);
    calls.answered(MS, "CP-1", -1);
    clock.advance(Duration.ofSeconds(3));
    calls.abandoned(1);
    clock.advance(Duration.ofSeconds(3));
    calls.roll();

    List<CallSecond> seconds = calls.after(Long.MIN_VALUE, 10);
    assertThat(seconds).extracting(CallSecond::second).containsExactly(T, T + 1, T + 2, T + 3);
    assertThat(seconds).extracting(CallSecond::inFlight).containsExactly(1L, 1L, 1L, 0L);
    assertThat(seconds.getLast().abandoned()).isEqualTo(1);
    assertThat(seconds.getLast().receivedTotal()).isEqualTo(2);
    assertThat(calls.after(T + 1, 10)).extracting(CallSecond::second).containsExactly(T + 2, T + 3);
  }

  @Test
  void deadlineMissesAndCommandsAreCountedInTheirSecond() {
    calls.received(T);
    calls.answered(20_000 * MS, "CP-9", -1);
    calls.deadlineMissed();
    counters.centralCallsSent.add(3);
    counters.centralCallsTimedOut.increment();
    clock.advance(Duration.ofSeconds(2));
    calls.roll();

    CallSecond s = calls.after(Long.MIN_VALUE, 10).getFirst();
    assertThat(s.deadlinesMissed()).isEqualTo(1);
    assertThat(s.commandsSent()).isEqualTo(3);
    assertThat(s.commandsTimedOut()).isEqualTo(1);
  }

  @Test
  void onlyTheNewestSecondsAreKept() {
    for (int i = 0; i < CallSeconds.KEPT + 5; i++) {
      calls.received(clock.millis() / 1000);
      calls.answered(MS, "CP-1", -1);
      clock.advance(Duration.ofSeconds(1));
      calls.roll();
    }
    List<CallSecond> kept = calls.after(Long.MIN_VALUE, Integer.MAX_VALUE);
    assertThat(kept).hasSize(CallSeconds.KEPT);
    assertThat(kept.getLast().answeredTotal()).isEqualTo(CallSeconds.KEPT + 4);
  }
}
