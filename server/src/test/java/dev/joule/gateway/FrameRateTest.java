package dev.joule.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.gateway.FrameRate.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameRateTest {
  private static final long S = 1_000_000_000L;

  private static List<Verdict> frames(FrameRate rate, int count, long at) {
    List<Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      verdicts.add(rate.count(at));
    }
    return verdicts;
  }

  @Test
  void upToTheLimitPassesThenRefusesThenClosesBeyondTwiceIt() {
    FrameRate rate = new FrameRate(3, 0);

    assertThat(frames(rate, 7, S / 2))
        .containsExactly(
            Verdict.PASS,
            Verdict.PASS,
            Verdict.PASS,
            Verdict.REFUSE,
            Verdict.REFUSE,
            Verdict.REFUSE,
            Verdict.CLOSE);
  }

  @Test
  void aNewSecondStartsAfresh() {
    FrameRate rate = new FrameRate(2, 0);
    assertThat(frames(rate, 3, S / 2)).endsWith(Verdict.REFUSE);

    assertThat(frames(rate, 2, S + S / 2)).containsOnly(Verdict.PASS);
  }

  @Test
  void zeroIsNoLimit() {
    assertThat(frames(new FrameRate(0, 0), 10_000, 1)).containsOnly(Verdict.PASS);
  }
}
