package dev.joule.domain.smartcharging;

import dev.joule.ocpp.message.smartcharging.ChargingProfile;
import dev.joule.ocpp.message.smartcharging.ChargingProfilePurposeType;
import dev.joule.ocpp.message.smartcharging.ChargingRateUnitType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The composite schedule of a connector, computed the way OCPP 1.6 §3.13 has the charger compute it
 * (decision 0014):
 *
 * <ul>
 *   <li>within a purpose the profile with the highest stackLevel that has a period at that time
 *       prevails (§3.13.2); at the same level a profile of the connector itself beats one set on
 *       connector 0;
 *   <li>a TxProfile (for the running transaction only) overrides the TxDefaultProfile (§3.13.1);
 *   <li>the ChargePointMaxProfile caps the result: the lower limit wins (§3.13.3).
 * </ul>
 *
 * Connector 0's schedule is the ChargePointMaxProfile's alone. Limits are not converted between A
 * and W: profiles in both units, or a unit other than theirs, are a {@link CompositeRefused}.
 */
public final class CompositeSchedules {
  private static final Comparator<Segment> PRECEDENCE =
      Comparator.comparingInt(Segment::stackLevel)
          .thenComparing(segment -> segment.connectorId() > 0);

  private final Clock clock;

  public CompositeSchedules(Clock clock) {
    this.clock = clock;
  }

  /** From now (to the second) for {@code duration} seconds. */
  public CompositeSchedule compute(
      int connectorId,
      List<InstalledProfile> installed,
      Optional<ActiveTransaction> transaction,
      int duration,
      Optional<ChargingRateUnitType> unit) {
    Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant end = start.plusSeconds(duration);
    List<Segment> segments = new ArrayList<>();
    Map<Integer, ChargingRateUnitType> units = new TreeMap<>();
    for (InstalledProfile candidate : installed) {
      if (!applies(candidate, connectorId, transaction)) {
        continue;
      }
      ChargingProfile profile = candidate.profile();
      // §7.9/§7.10: from the start of charging, or (no transaction) as if one started now
      Instant relativeStart = transaction.map(ActiveTransaction::startedAt).orElse(start);
      List<Segment> own =
          ProfileSegments.of(candidate.connectorId(), profile, relativeStart, start, end);
      if (!own.isEmpty()) {
        segments.addAll(own);
        units.put(profile.chargingProfileId(), profile.chargingSchedule().chargingRateUnit());
      }
    }
    ChargingRateUnitType resolved = unit(units, unit);
    TreeSet<Instant> changes = new TreeSet<>();
    changes.add(start);
    for (Segment segment : segments) {
      changes.add(segment.from());
      if (segment.to().isBefore(end)) {
        changes.add(segment.to());
      }
    }
    List<CompositeSchedule.Period> periods = new ArrayList<>();
    for (Instant at : changes) {
      CompositeSchedule.Period period =
          period((int) (at.getEpochSecond() - start.getEpochSecond()), at, segments);
      // a change of profile with the same limit is no change for the charger
      if (periods.isEmpty() || !sameLimit(periods.getLast(), period)) {
        periods.add(period);
      }
    }
    return new CompositeSchedule(connectorId, start, duration, resolved, periods);
  }

  /**
   * Whether the profile can limit {@code connectorId}: ChargePointMaxProfile from connector 0;
   * TxDefaultProfile from the connector or connector 0; TxProfile from the connector, only during a
   * transaction: the one it names, or (naming none) one running when it was installed (§3.13.1: a
   * TxProfile ends with its transaction).
   */
  static boolean applies(
      InstalledProfile candidate, int connectorId, Optional<ActiveTransaction> transaction) {
    ChargingProfile profile = candidate.profile();
    return switch (profile.chargingProfilePurpose()) {
      case CHARGE_POINT_MAX_PROFILE -> candidate.connectorId() == 0;
      case TX_DEFAULT_PROFILE ->
          connectorId > 0
              && (candidate.connectorId() == connectorId || candidate.connectorId() == 0);
      case TX_PROFILE ->
          connectorId > 0
              && candidate.connectorId() == connectorId
              && transaction
                  .filter(
                      running ->
                          profile.transactionId() == null
                              ? !candidate.installedAt().isBefore(running.recordedAt())
                              : profile.transactionId() == running.transactionId())
                  .isPresent();
    };
  }

  private static CompositeSchedule.Period period(
      int startPeriod, Instant at, List<Segment> segments) {
    Optional<Segment> transactionLimit =
        prevailing(ChargingProfilePurposeType.TX_PROFILE, at, segments)
            .or(() -> prevailing(ChargingProfilePurposeType.TX_DEFAULT_PROFILE, at, segments));
    Optional<Segment> cap =
        prevailing(ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE, at, segments);
    Optional<Segment> lowest =
        transactionLimit
            .map(limit -> cap.filter(max -> max.limit() < limit.limit()).orElse(limit))
            .or(() -> cap);
    return lowest
        .map(
            segment ->
                new CompositeSchedule.Period(
                    startPeriod,
                    OptionalDouble.of(segment.limit()),
                    segment.numberPhases(),
                    OptionalInt.of(segment.profileId())))
        .orElseGet(
            () ->
                new CompositeSchedule.Period(
                    startPeriod,
                    OptionalDouble.empty(),
                    ProfileSegments.DEFAULT_PHASES,
                    OptionalInt.empty()));
  }

  private static Optional<Segment> prevailing(
      ChargingProfilePurposeType purpose, Instant at, List<Segment> segments) {
    return segments.stream()
        .filter(segment -> segment.purpose() == purpose && segment.covers(at))
        .max(PRECEDENCE);
  }

  private static boolean sameLimit(CompositeSchedule.Period a, CompositeSchedule.Period b) {
    return a.limit().equals(b.limit()) && a.numberPhases() == b.numberPhases();
  }

  private static ChargingRateUnitType unit(
      Map<Integer, ChargingRateUnitType> units, Optional<ChargingRateUnitType> requested) {
    if (units.values().stream().distinct().count() > 1) {
      throw new CompositeRefused(
          "profiles",
          "the profiles limit in different units ("
              + units.entrySet().stream()
                  .map(e -> "profile " + e.getKey() + " in " + e.getValue().wire())
                  .collect(Collectors.joining(", "))
              + "); Joule does not convert between A and W without the supply voltage"
              + " (decision 0014)");
    }
    Optional<ChargingRateUnitType> theirs = units.values().stream().findFirst();
    if (requested.isPresent() && theirs.isPresent() && requested.get() != theirs.get()) {
      throw new CompositeRefused(
          "unit",
          "the profiles limit in "
              + theirs.get().wire()
              + "; Joule does not convert them to "
              + requested.get().wire()
              + " without the supply voltage (decision 0014)");
    }
    return theirs.or(() -> requested).orElse(ChargingRateUnitType.A);
  }
}
