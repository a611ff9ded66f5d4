package dev.joule.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandshakeRateTest {
  private static final long S = 1_000_000_000L;

  @Test
  void eachAddressHasItsOwnBudgetPerSecond() {
    HandshakeRate rate = new HandshakeRate(2);

    assertThat(rate.allow("10.0.0.1", 0)).isTrue();
    assertThat(rate.allow("10.0.0.1", S / 10)).isTrue();
    assertThat(rate.allow("10.0.0.1", S / 5)).isFalse();
    assertThat(rate.allow("10.0.0.2", S / 5)).isTrue();
    assertThat(rate.allow("10.0.0.1", S)).isTrue(); // the next window
  }

  @Test
  void manyAddressesArePrunedOnceTheirWindowsEnded() {
    HandshakeRate rate = new HandshakeRate(1);
    for (int i = 0; i < 20_000; i++) {
      rate.allow("addr-" + i, 0);
    }
    assertThat(rate.allow("late", 5 * S)).isTrue();
    assertThat(rate.allow("addr-1", 5 * S)).isTrue();
  }

  @Test
  void zeroIsNoLimit() {
    HandshakeRate rate = new HandshakeRate(0);
    for (int i = 0; i < 1000; i++) {
      assertThat(rate.allow("10.0.0.1", 0)).isTrue();
    }
  }
}
