package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The supervision and alerting keys of issue 5. */
class SupervisionConfigTest {
  @Test
  void defaultsFollowDesignMdAndFaultInjectionIsOff() {
    Config config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());

    assertThat(config.supervision().stallAfter()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.supervision().faultInjection()).isFalse();
    assertThat(config.alerts().webhook()).isEmpty();
    assertThat(config.alerts().resolveAfter()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void faultInjectionAndWebhookComeFromTheEnvironment() {
    Config config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "JOULE_FAULT_INJECTION", "true",
                "JOULE_ALERT_WEBHOOK_URL", "https://hooks.example.com/joule"),
            Map.of());

    assertThat(config.supervision().faultInjection()).isTrue();
    assertThat(config.alerts().webhook()).contains(URI.create("https://hooks.example.com/joule"));
  }

  @Test
  void aWebhookThatIsNotHttpIsRefusedByName() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of(), Map.of("alert-webhook-url", "ftp://x")))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("alert-webhook-url: must be an http:// or https:// URL");
  }
}
