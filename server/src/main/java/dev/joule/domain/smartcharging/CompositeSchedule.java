package dev.joule.domain.smartcharging;

import dev.joule.ocpp.message.smartcharging.ChargingRateUnitType;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a connector may draw from {@code scheduleStart} for {@code duration} seconds, in the shape
 * of GetCompositeSchedule.conf (OCPP 1.6 §6.24): periods ascending from 0, each lasting until the
 * next. An empty {@code limit} means no profile limits the connector then.
 */
public record CompositeSchedule(
    int connectorId,
    Instant scheduleStart,
    int duration,
    ChargingRateUnitType chargingRateUnit,
    List<Period> chargingSchedulePeriod) {

  public CompositeSchedule {
    chargingSchedulePeriod = List.copyOf(chargingSchedulePeriod);
  }

  /**
   * One period: its start in seconds from {@code scheduleStart}, the limit, the phases it assumes
   * (3 when the profile said none, §7.13), and the profile that set the lowest limit.
   */
  public record Period(
      int startPeriod, OptionalDouble limit, int numberPhases, OptionalInt chargingProfileId) {}
}
