package dev.joule.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CALL set aside as poison fires PoisonMessages with the count; none, and it resolves. */
class PoisonMessagesTest {
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  private static Signals deadLettered(int second, long count) {
    return new Signals(
        T0.plusSeconds(second),
        10,
        10,
        0,
        Duration.ZERO,
        Duration.ZERO,
        0,
        0,
        0,
        0,
        0,
        0,
        Duration.ofMillis(2),
        List.of(),
        List.of(),
        count,
        List.of(),
        0);
  }

  @Test
  void aDeadLetteredCallFiresAndAQuietMinuteResolves() {
    List<AlertEvent> sent = new java.util.ArrayList<>();
    Alerts alerts = new Alerts(AlertsTest.SETTINGS, List.of(sent::add));

    alerts.evaluate(deadLettered(0, 0));
    alerts.evaluate(deadLettered(1, 2));

    assertThat(alerts.firing()).containsExactly("PoisonMessages");
    assertThat(sent.get(0).text()).contains("2 CALL(s) failed max-deliver times");
    for (int second = 2; second < 120; second++) {
      alerts.evaluate(deadLettered(second, 0));
    }
    assertThat(alerts.firing()).isEmpty();
    assertThat(sent).extracting(AlertEvent::state).containsExactly("firing", "resolved");
  }
}
