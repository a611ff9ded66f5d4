package dev.joule.domain.smartcharging;

import dev.joule.ocpp.message.smartcharging.ChargingProfile;
import dev.joule.ocpp.message.smartcharging.ChargingSchedule;
import dev.joule.ocpp.message.smartcharging.ChargingSchedulePeriod;
import dev.joule.ocpp.message.smartcharging.RecurrencyKindType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One profile's schedule periods laid on the time line within a window. */
final class ProfileSegments {
  /** OCPP 1.6 §7.14 ChargingSchedulePeriod.numberPhases: 3 when absent. */
  static final int DEFAULT_PHASES = 3;

  private ProfileSegments() {}

  /**
   * The periods of {@code profile} in {@code [from, to)}, clipped to validFrom/validTo (§7.8).
   * {@code start} is where the schedule starts when it does not say: a Relative profile, and an
   * Absolute one without startSchedule (§7.9: then relative to the start of charging). A Recurring
   * profile repeats from startSchedule every day or week (exactly 24 h / 7 × 24 h: 1.6 times are
   * UTC) and also before it, as a recurrence has no first day; a period of one recurrence ends at
   * the next recurrence at the latest.
   */
  static List<Segment> of(
      int connectorId, ChargingProfile profile, Instant start, Instant from, Instant to) {
    Instant validFrom = max(from, profile.validFrom() == null ? from : profile.validFrom());
    Instant validTo = min(to, profile.validTo() == null ? to : profile.validTo());
    List<Segment> segments = new ArrayList<>();
    if (!validFrom.isBefore(validTo)) {
      return segments;
    }
    ChargingSchedule schedule = profile.chargingSchedule();
    Instant anchor = schedule.startSchedule() == null ? start : schedule.startSchedule();
    switch (profile.chargingProfileKind()) {
      case ABSOLUTE -> run(segments, connectorId, profile, anchor, validTo, validFrom, validTo);
      case RELATIVE -> run(segments, connectorId, profile, start, validTo, validFrom, validTo);
      case RECURRING -> {
        Duration period =
            profile.recurrencyKind() == RecurrencyKindType.WEEKLY
                ? Duration.ofDays(7)
                : Duration.ofDays(1);
        long first =
            Math.floorDiv(Duration.between(anchor, validFrom).getSeconds(), period.getSeconds());
        for (Instant at = anchor.plus(period.multipliedBy(first));
            at.isBefore(validTo);
            at = at.plus(period)) {
          run(segments, connectorId, profile, at, at.plus(period), validFrom, validTo);
        }
      }
    }
    return segments;
  }

  /** One run of the schedule from {@code anchor}, ending at {@code end} or its duration. */
  private static void run(
      List<Segment> segments,
      int connectorId,
      ChargingProfile profile,
      Instant anchor,
      Instant end,
      Instant from,
      Instant to) {
    ChargingSchedule schedule = profile.chargingSchedule();
    Instant runEnd =
        schedule.duration() == null ? end : min(end, anchor.plusSeconds(schedule.duration()));
    List<ChargingSchedulePeriod> periods = schedule.chargingSchedulePeriod();
    for (int i = 0; i < periods.size(); i++) {
      ChargingSchedulePeriod period = periods.get(i);
      Instant periodEnd =
          i + 1 < periods.size() ? anchor.plusSeconds(periods.get(i + 1).startPeriod()) : runEnd;
      Instant segmentFrom = max(from, anchor.plusSeconds(period.startPeriod()));
      Instant segmentTo = min(to, min(runEnd, periodEnd));
      if (segmentFrom.isBefore(segmentTo)) {
        segments.add(
            new Segment(
                segmentFrom,
                segmentTo,
                period.limit(),
                period.numberPhases() == null ? DEFAULT_PHASES : period.numberPhases(),
                profile.stackLevel(),
                connectorId,
                profile.chargingProfileId(),
                profile.chargingProfilePurpose()));
      }
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
