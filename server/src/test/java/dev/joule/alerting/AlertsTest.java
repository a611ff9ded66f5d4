package dev.joule.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.supervision.Metrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertsTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  static final AlertSettings SETTINGS =
      new AlertSettings(
          Optional.empty(),
          Duration.ofSeconds(3),
          Duration.ofSeconds(5),
          Duration.ofSeconds(15),
          100,
          100,
          10,
          20,
          Duration.ofMillis(500),
          Duration.ofSeconds(10));

  private final List<AlertEvent> sent = new ArrayList<>();
  private final Alerts alerts = new Alerts(SETTINGS, List.of(sent::add));

  private static Signals held(int second, Duration longestHeld) {
    return new Signals(
        T0.plusSeconds(second),
        100,
        100,
        0,
        Duration.ZERO,
        longestHeld,
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
        0);
  }

  @Test
  void jouleAlertFiringReadsOneForTheFiringRuleAndZeroForTheOthers() {
    Metrics metrics = new Metrics();
    metrics.bindAlerts(alerts);
    assertThat(metrics.scrape())
        .contains("joule_alert_firing{alert=\"ProcessingStalled\",severity=\"critical\"} 0")
        .contains("joule_alert_firing{alert=\"DatabaseSlow\",severity=\"warning\"} 0");

    alerts.evaluate(held(0, Duration.ZERO));
    alerts.evaluate(held(1, Duration.ofSeconds(4)));

    assertThat(metrics.scrape())
        .contains("joule_alert_firing{alert=\"ProcessingStalled\",severity=\"critical\"} 1")
        .contains("joule_alert_firing{alert=\"DatabaseSlow\",severity=\"warning\"} 0");
  }

  @Test
  void aStalledWorkerFiresAtOnceAndResolvesOnlyAfterTheQuietWindow() {
    alerts.evaluate(held(0, Duration.ZERO));
    alerts.evaluate(held(1, Duration.ofSeconds(3)));
    assertThat(sent).extracting(AlertEvent::state).containsExactly("firing");
    assertThat(alerts.firing()).containsExactly("ProcessingStalled");

    alerts.evaluate(held(2, Duration.ZERO));
    alerts.evaluate(held(5, Duration.ofSeconds(4))); // flaps back: still the same firing alert
    alerts.evaluate(held(6, Duration.ZERO));
    alerts.evaluate(held(14, Duration.ZERO)); // 9 s after the last breach
    assertThat(sent).hasSize(1);

    alerts.evaluate(held(15, Duration.ZERO));
    assertThat(sent).extracting(AlertEvent::state).containsExactly("firing", "resolved");
    assertThat(sent.get(1).text()).startsWith("RESOLVED ProcessingStalled");
    assertThat(alerts.firing()).isEmpty();
  }

  @Test
  void processingBehindFiresOnlyAfterItsPendingTime() {
    for (int second = 0; second <= 14; second++) {
      alerts.evaluate(
          new Signals(
              T0.plusSeconds(second),
              100,
              50,
              500,
              Duration.ofSeconds(1),
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
              0));
    }
    assertThat(sent).isEmpty();
    alerts.evaluate(
        new Signals(
            T0.plusSeconds(15),
            100,
            50,
            500,
            Duration.ofSeconds(1),
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
            0));
    assertThat(sent).extracting(AlertEvent::alert).containsExactly("ProcessingBehind");
    assertThat(sent.getFirst().since()).isEqualTo(T0);
  }

  @Test
  void webhookBodyHasAHumanTextField() {
    String body =
        Webhook.body(
            new AlertEvent(
                "DatabaseSlow", "firing", Severity.WARNING, T0, T0, "FIRING DatabaseSlow: x"));
    assertThat(body)
        .contains("\"text\":\"FIRING DatabaseSlow: x\"")
        .contains("\"state\":\"firing\"");
  }
}
