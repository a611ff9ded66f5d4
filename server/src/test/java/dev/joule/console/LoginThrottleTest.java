package dev.joule.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void theTenthFailureWithinAMinuteRefusesTheAddressUntilTheFirstIsAMinuteOld() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
      throttle.failed("10.0.0.1");
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(throttle.refusal("10.0.0.1")).as("nine failures").isEmpty();
    throttle.failed("10.0.0.1");
    assertThat(throttle.refusal("10.0.0.1")).hasValue(Duration.ofSeconds(51));
    assertThat(throttle.refusal("10.0.0.2")).as("another address").isEmpty();
    clock.advance(Duration.ofSeconds(50));
    assertThat(throttle.refusal("10.0.0.1")).hasValue(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.refusal("10.0.0.1")).as("the first failure left the window").isEmpty();
  }

  @Test
  void failuresSpreadOverMoreThanAMinuteNeverRefuse() {
    for (int i = 0; i < 3 * LoginThrottle.MAX_FAILURES; i++) {
      throttle.failed("10.0.0.1");
      clock.advance(Duration.ofSeconds(7));
      assertThat(throttle.refusal("10.0.0.1")).as("failure %d", i).isEmpty();
    }
  }

  @Test
  void theAddressThatFailedLeastRecentlyIsForgottenFirstWhenTheTableIsFull() {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.refusal("10.0.0.1")).isPresent();
    for (int i = 0; i < LoginThrottle.ADDRESSES; i++) {
      throttle.failed("192.168." + (i / 256) + "." + (i % 256));
    }
    assertThat(throttle.refusal("10.0.0.1")).as("forgotten").isEmpty();
    assertThat(throttle.refusal("192.168.0.0")).as("one failure only").isEmpty();
  }
}
