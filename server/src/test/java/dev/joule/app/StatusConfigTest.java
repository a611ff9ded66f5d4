package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status page keys of issue 11. */
class StatusConfigTest {
  @Test
  void theQuietPeriodIsTenMinutesAndThePageIsOnByDefault() {
    Config config = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());

    assertThat(config.status().quietPeriod()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.status().page()).isTrue();
  }

  @Test
  void bothComeFromTheEnvironment() {
    Config config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of("JOULE_INCIDENT_QUIET_PERIOD", "90s", "JOULE_STATUS_PAGE", "false"),
            Map.of());

    assertThat(config.status().quietPeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.status().page()).isFalse();
  }

  @Test
  void aQuietPeriodOfZeroIsRefusedByName() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Optional.empty(), Map.of("JOULE_INCIDENT_QUIET_PERIOD", "0s"), Map.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("incident-quiet-period: ");
  }
}
