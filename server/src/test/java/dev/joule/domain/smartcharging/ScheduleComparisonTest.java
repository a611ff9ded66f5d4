package dev.joule.domain.smartcharging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.message.smartcharging.ChargingRateUnitType;
import dev.joule.ocpp.message.smartcharging.ChargingSchedule;
import dev.joule.ocpp.message.smartcharging.ChargingSchedulePeriod;
import dev.joule.ocpp.message.smartcharging.GetCompositeScheduleResponse;
import dev.joule.ocpp.message.smartcharging.GetCompositeScheduleStatus;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScheduleComparisonTest {
  private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

  private static final CompositeSchedule JOULE =
      new CompositeSchedule(
          1,
          NOW,
          3600,
          ChargingRateUnitType.A,
          List.of(
              new CompositeSchedule.Period(0, OptionalDouble.of(16), 3, OptionalInt.of(1)),
              new CompositeSchedule.Period(1800, OptionalDouble.of(10), 3, OptionalInt.of(2))));

  private static GetCompositeScheduleResponse charger(
      Instant start, ChargingRateUnitType unit, ChargingSchedulePeriod... periods) {
    return new GetCompositeScheduleResponse(
        GetCompositeScheduleStatus.ACCEPTED,
        1,
        start,
        new ChargingSchedule(3600, start, unit, List.of(periods), null));
  }

  @Test
  void theSameLimitsAFewSecondsApartAreNoDifference() {
    var answer =
        charger(
            NOW.plusSeconds(2),
            ChargingRateUnitType.A,
            new ChargingSchedulePeriod(0, 16, 3),
            new ChargingSchedulePeriod(1798, 10, 3));

    assertThat(ScheduleComparison.differences(JOULE, answer)).isEmpty();
  }

  @Test
  void aDifferentLimitIsNamedWithItsTime() {
    var answer =
        charger(
            NOW,
            ChargingRateUnitType.A,
            new ChargingSchedulePeriod(0, 16, 3),
            new ChargingSchedulePeriod(1800, 12, 3));

    assertThat(ScheduleComparison.differences(JOULE, answer))
        .containsExactly("from +1800 s: Joule 10.0 A, charger 12.0 A");
  }

  @Test
  void anotherUnitOrNoScheduleIsOneDifference() {
    var watts = charger(NOW, ChargingRateUnitType.W, new ChargingSchedulePeriod(0, 11000, 3));
    var none =
        new GetCompositeScheduleResponse(GetCompositeScheduleStatus.REJECTED, null, null, null);

    assertThat(ScheduleComparison.differences(JOULE, watts))
        .containsExactly("unit: Joule A, charger W");
    assertThat(ScheduleComparison.differences(JOULE, none))
        .containsExactly("the charger reported no schedule (status Rejected)");
  }
}
