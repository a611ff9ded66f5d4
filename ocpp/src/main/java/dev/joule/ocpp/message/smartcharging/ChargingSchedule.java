package dev.joule.ocpp.message.smartcharging;

import dev.joule.ocpp.schema.MultipleOf;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;
import java.util.List;

/** OCPP 1.6 ChargingSchedule (Smart Charging profile). */
public record ChargingSchedule(
    @Nullable Integer duration,
    @Nullable Instant startSchedule,
    ChargingRateUnitType chargingRateUnit,
    List<ChargingSchedulePeriod> chargingSchedulePeriod,
    @Nullable @MultipleOf(0.1) Double minChargingRate) {
  public ChargingSchedule {
    chargingSchedulePeriod = List.copyOf(chargingSchedulePeriod);
  }
}
