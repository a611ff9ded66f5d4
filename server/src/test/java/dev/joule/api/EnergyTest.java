package dev.joule.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnergyTest {
  @Test
  void stoppedEnergyIsMeterStopMinusMeterStart() {
    assertThat(Energy.stopped(1_000, 8_500)).isEqualTo(7_500);
  }

  @Test
  void stoppedEnergyDoesNotOverflowNearIntegerLimits() {
    assertThat(Energy.stopped(-2_000_000_000, 2_000_000_000)).isEqualTo(4_000_000_000L);
  }

  @Test
  void registerInWhIsTakenAsIs() {
    assertThat(Energy.sinceStart(1_000, "3500", "Wh")).hasValue(2_500);
  }

  @Test
  void registerWithoutUnitIsWh() {
    assertThat(Energy.sinceStart(0, "42", null)).hasValue(42);
  }

  @Test
  void registerInKwhIsConvertedAndRoundedToWholeWh() {
    assertThat(Energy.sinceStart(10_000, "12.3456", "kWh")).hasValue(2_346);
    assertThat(Energy.sinceStart(0, "0.0004", "kWh")).hasValue(0);
  }

  @Test
  void decimalWhIsRoundedHalfUp() {
    assertThat(Energy.sinceStart(0, "10.5", "Wh")).hasValue(11);
  }

  @Test
  void valueThatIsNoNumberGivesNoEnergy() {
    assertThat(Energy.sinceStart(0, "AB12CD", "Wh")).isEmpty();
    assertThat(Energy.sinceStart(0, "", "Wh")).isEmpty();
  }

  @Test
  void otherUnitGivesNoEnergy() {
    assertThat(Energy.sinceStart(0, "7.4", "kW")).isEmpty();
  }
}
