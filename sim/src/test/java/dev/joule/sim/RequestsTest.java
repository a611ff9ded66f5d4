package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.message.core.Measurand;
import dev.joule.ocpp.message.core.MeterValuesRequest;
import dev.joule.ocpp.message.core.SampledValue;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestsTest {
  private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");

  @Test
  void twoSamplesAreTheEnergyRegisterAndThePowerTenAreAll() {
    MeterValuesRequest two = Requests.meterValues(7, 1234, 2, new Random(1), NOW);
    assertThat(two.meterValue().getFirst().sampledValue())
        .extracting(SampledValue::measurand)
        .containsExactly(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, Measurand.POWER_ACTIVE_IMPORT);
    assertThat(two.meterValue().getFirst().sampledValue().getFirst().value()).isEqualTo("1234");

    MeterValuesRequest ten =
        Requests.meterValues(7, 1234, Requests.MAX_SAMPLES, new Random(1), NOW);
    assertThat(ten.meterValue().getFirst().sampledValue()).hasSize(10);
  }
}
