package dev.joule.domain.smartcharging;

import dev.joule.ocpp.message.smartcharging.ChargingSchedule;
import dev.joule.ocpp.message.smartcharging.ChargingSchedulePeriod;
import dev.joule.ocpp.message.smartcharging.GetCompositeScheduleResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Joule's composite schedule beside the charger's GetCompositeSchedule answer (§6.24), both on the
 * same time line: each stretch between two changes of either is compared in its middle, so a second
 * or two between the two computations changes nothing. A charger reports no "no limit": where Joule
 * has none, any limit of the charger's is a difference.
 */
public final class ScheduleComparison {
  static final Duration TOLERANCE = Duration.ofSeconds(5);

  private ScheduleComparison() {}

  /** What differs, e.g. {@code "from +100 s: Joule 6.0 A, charger 8.0 A"}; empty when equal. */
  public static List<String> differences(
      CompositeSchedule joule, GetCompositeScheduleResponse charger) {
    List<String> differences = new ArrayList<>();
    ChargingSchedule theirs = charger.chargingSchedule();
    if (theirs == null || charger.scheduleStart() == null) {
      differences.add("the charger reported no schedule (status " + charger.status().wire() + ")");
      return differences;
    }
    if (theirs.chargingRateUnit() != joule.chargingRateUnit()) {
      differences.add(
          "unit: Joule "
              + joule.chargingRateUnit().wire()
              + ", charger "
              + theirs.chargingRateUnit().wire());
      return differences;
    }
    Instant start = joule.scheduleStart();
    Instant end = start.plusSeconds(joule.duration());
    TreeSet<Instant> changes = new TreeSet<>(List.of(start, end));
    joule.chargingSchedulePeriod().forEach(p -> changes.add(start.plusSeconds(p.startPeriod())));
    for (ChargingSchedulePeriod p : theirs.chargingSchedulePeriod()) {
      Instant at = charger.scheduleStart().plusSeconds(p.startPeriod());
      if (at.isAfter(start) && at.isBefore(end)) {
        changes.add(at);
      }
    }
    Instant previous = null;
    for (Instant at : changes) {
      if (previous != null && Duration.between(previous, at).compareTo(TOLERANCE) > 0) {
        Instant middle = previous.plusMillis((at.toEpochMilli() - previous.toEpochMilli()) / 2);
        OptionalDouble ours = ours(joule, middle);
        OptionalDouble their = theirs(charger.scheduleStart(), theirs, middle);
        if (!ours.equals(their)) {
          differences.add(
              "from +"
                  + (previous.getEpochSecond() - start.getEpochSecond())
                  + " s: Joule "
                  + text(ours, joule)
                  + ", charger "
                  + text(their, joule));
        }
      }
      previous = at;
    }
    return differences;
  }

  private static OptionalDouble ours(CompositeSchedule schedule, Instant at) {
    OptionalDouble limit = OptionalDouble.empty();
    for (CompositeSchedule.Period p : schedule.chargingSchedulePeriod()) {
      if (!schedule.scheduleStart().plusSeconds(p.startPeriod()).isAfter(at)) {
        limit = p.limit();
      }
    }
    return limit;
  }

  private static OptionalDouble theirs(Instant start, ChargingSchedule schedule, Instant at) {
    if (schedule.duration() != null && !at.isBefore(start.plusSeconds(schedule.duration()))) {
      return OptionalDouble.empty();
    }
    OptionalDouble limit = OptionalDouble.empty();
    for (ChargingSchedulePeriod p : schedule.chargingSchedulePeriod()) {
      if (!start.plusSeconds(p.startPeriod()).isAfter(at)) {
        limit = OptionalDouble.of(p.limit());
      }
    }
    return limit;
  }

  private static String text(OptionalDouble limit, CompositeSchedule schedule) {
    return limit.isPresent()
        ? limit.getAsDouble() + " " + schedule.chargingRateUnit().wire()
        : "no limit";
  }
}
