package dev.joule.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ChargerAuthenticationFailures fires above alert-authentication-failures-per-minute (20 in
 * AlertsTest.SETTINGS), not at it, and resolves once the minute is quiet.
 */
class AuthenticationFailuresAlertTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private static Signals failures(int second, long lastMinute) {
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
        0,
        List.of(),
        lastMinute);
  }

  @Test
  void aBurstOfRefusedHandshakesFiresAndAQuietMinuteResolves() {
    List<AlertEvent> sent = new ArrayList<>();
    Alerts alerts = new Alerts(AlertsTest.SETTINGS, List.of(sent::add));

    alerts.evaluate(failures(0, 20));
    assertThat(alerts.firing()).isEmpty();
    alerts.evaluate(failures(1, 21));

    assertThat(alerts.firing()).containsExactly("ChargerAuthenticationFailures");
    assertThat(sent.getFirst().text())
        .contains("21 charger connections refused by authentication in the last minute");
    for (int second = 2; second < 30; second++) {
      alerts.evaluate(failures(second, 0));
    }
    assertThat(alerts.firing()).isEmpty();
    assertThat(sent).extracting(AlertEvent::state).containsExactly("firing", "resolved");
  }
}
