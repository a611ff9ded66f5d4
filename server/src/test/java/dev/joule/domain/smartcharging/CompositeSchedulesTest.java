package dev.joule.domain.smartcharging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.ocpp.message.smartcharging.ChargingRateUnitType;
import dev.joule.ocpp.message.smartcharging.RecurrencyKindType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompositeSchedulesTest {
  private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");
  private static final Instant BEFORE = NOW.minus(Duration.ofHours(1));
  private final CompositeSchedules schedules =
      new CompositeSchedules(Clock.fixed(NOW.plusMillis(400), ZoneOffset.UTC));

  /** Periods as "startPeriod=limit/profile", "startPeriod=none" where nothing limits. */
  private static List<String> periods(CompositeSchedule schedule) {
    return schedule.chargingSchedulePeriod().stream()
        .map(
            p ->
                p.startPeriod()
                    + "="
                    + (p.limit().isPresent()
                        ? p.limit().getAsDouble() + "/p" + p.chargingProfileId().getAsInt()
                        : "none"))
        .toList();
  }

  private CompositeSchedule compute(int duration, InstalledProfile... installed) {
    return schedules.compute(1, List.of(installed), Optional.empty(), duration, Optional.empty());
  }

  @Test
  void higherStackLevelPrevailsUntilItsScheduleEnds() {
    // The shape of the OCPP 1.6 test case TC_072 (stacking): stack 0 for 400 s, stack 1 for 150 s
    // on top; once stack 1's duration ends, stack 0 applies again (§3.13.2).
    CompositeSchedule schedule =
        compute(
            500,
            Profiles.txDefault(1, 0)
                .at(NOW)
                .duration(400)
                .period(0, 6)
                .period(100, 8)
                .period(200, 10)
                .on(1, BEFORE),
            Profiles.txDefault(2, 1)
                .at(NOW)
                .duration(150)
                .period(0, 10)
                .period(100, 6)
                .on(1, BEFORE));

    assertThat(periods(schedule))
        .containsExactly("0=10.0/p2", "100=6.0/p2", "150=8.0/p1", "200=10.0/p1", "400=none");
    assertThat(schedule.scheduleStart()).isEqualTo(NOW);
    assertThat(schedule.chargingRateUnit()).isEqualTo(ChargingRateUnitType.A);
  }

  @Test
  void chargePointMaxCapsTheDefaultAndTxProfileOverridesItDuringItsTransaction() {
    // §3.13.3 combining purposes: the lower of (TxProfile else TxDefaultProfile) and the cap.
    InstalledProfile cap = Profiles.max(1, 0).at(BEFORE).period(0, 16).on(0, BEFORE);
    InstalledProfile fallback =
        Profiles.txDefault(2, 0).at(NOW).period(0, 10).period(3600, 20).on(0, BEFORE);
    InstalledProfile forThisSession =
        Profiles.tx(3, 0).at(NOW).duration(1800).period(0, 6).transaction(7).on(1, BEFORE);
    ActiveTransaction running = new ActiveTransaction(7, BEFORE, BEFORE);

    CompositeSchedule without =
        schedules.compute(
            1, List.of(cap, fallback, forThisSession), Optional.empty(), 7200, Optional.empty());
    CompositeSchedule with =
        schedules.compute(
            1,
            List.of(cap, fallback, forThisSession),
            Optional.of(running),
            7200,
            Optional.empty());

    assertThat(periods(without)).containsExactly("0=10.0/p2", "3600=16.0/p1");
    assertThat(periods(with)).containsExactly("0=6.0/p3", "1800=10.0/p2", "3600=16.0/p1");
  }

  @Test
  void connectorZeroScheduleIsTheChargePointMaxProfileAlone() {
    InstalledProfile cap = Profiles.max(1, 0).at(BEFORE).period(0, 32).on(0, BEFORE);
    InstalledProfile fallback = Profiles.txDefault(2, 0).at(NOW).period(0, 10).on(0, BEFORE);

    CompositeSchedule schedule =
        schedules.compute(0, List.of(cap, fallback), Optional.empty(), 60, Optional.empty());

    assertThat(periods(schedule)).containsExactly("0=32.0/p1");
  }

  @Test
  void txProfileOfAnotherTransactionOrAnEarlierOneDoesNotApply() {
    ActiveTransaction running = new ActiveTransaction(8, NOW, NOW);
    InstalledProfile named = Profiles.tx(1, 0).at(NOW).period(0, 6).transaction(7).on(1, BEFORE);
    InstalledProfile leftOver = Profiles.tx(2, 1).at(NOW).period(0, 4).on(1, BEFORE);
    InstalledProfile current = Profiles.tx(3, 0).at(NOW).period(0, 12).on(1, NOW);

    CompositeSchedule schedule =
        schedules.compute(
            1, List.of(named, leftOver, current), Optional.of(running), 60, Optional.empty());

    assertThat(periods(schedule)).containsExactly("0=12.0/p3");
  }

  @Test
  void expiredProfileIsIgnoredAndOneNotYetValidStartsAtItsValidFrom() {
    InstalledProfile expired =
        Profiles.txDefault(1, 5)
            .at(BEFORE.minus(Duration.ofDays(1)))
            .valid(BEFORE.minus(Duration.ofDays(1)), NOW)
            .period(0, 2)
            .on(1, BEFORE);
    InstalledProfile later =
        Profiles.txDefault(2, 0)
            .at(BEFORE)
            .valid(NOW.plusSeconds(600), NOW.plusSeconds(1200))
            .period(0, 16)
            .on(1, BEFORE);

    assertThat(periods(compute(1800, expired, later)))
        .containsExactly("0=none", "600=16.0/p2", "1200=none");
  }

  @Test
  void dailyRecurrenceWrapsAroundMidnightFromTheRunThatStartedYesterday() {
    // Daily from 22:00 UTC: 6 A for 8 h (until 06:00), then 16 A until 22:00 when it starts over.
    InstalledProfile nightly =
        Profiles.txDefault(1, 0)
            .recurring(RecurrencyKindType.DAILY)
            .at(Instant.parse("2026-11-01T22:00:00Z"))
            .period(0, 6)
            .period(8 * 3600, 16)
            .on(1, BEFORE);

    assertThat(periods(compute(24 * 3600, nightly)))
        .containsExactly("0=6.0/p1", "3600=16.0/p1", "61200=6.0/p1");
  }

  @Test
  void weeklyRecurrenceWithADurationLeavesTheRestOfTheWeekUnlimited() {
    // Mondays 00:00 UTC for 6 h at 10 A; 2026-12-07 is a Monday, now 05:00: next Monday is
    // 7 d - 5 h = 586800 s away.
    InstalledProfile mondays =
        Profiles.txDefault(1, 0)
            .recurring(RecurrencyKindType.WEEKLY)
            .at(Instant.parse("2026-11-30T00:00:00Z"))
            .duration(6 * 3600)
            .period(0, 10)
            .on(1, BEFORE);

    assertThat(periods(compute(8 * 24 * 3600, mondays)))
        .containsExactly("0=10.0/p1", "3600=none", "586800=10.0/p1", "608400=none");
  }

  @Test
  void relativeProfileCountsFromTheTransactionStart() {
    InstalledProfile relative =
        Profiles.txDefault(1, 0).relative().period(0, 10).period(600, 20).on(1, BEFORE);
    ActiveTransaction running = new ActiveTransaction(3, NOW.minusSeconds(300), NOW);

    CompositeSchedule schedule =
        schedules.compute(1, List.of(relative), Optional.of(running), 900, Optional.empty());

    assertThat(periods(schedule)).containsExactly("0=10.0/p1", "300=20.0/p1");
  }

  @Test
  void absoluteProfileWithoutStartScheduleCountsFromTheStartOfCharging() {
    InstalledProfile unanchored =
        Profiles.txDefault(1, 0).duration(600).period(0, 8).on(1, BEFORE.minusSeconds(60));
    ActiveTransaction running = new ActiveTransaction(3, NOW.minusSeconds(120), NOW);

    CompositeSchedule schedule =
        schedules.compute(1, List.of(unanchored), Optional.of(running), 900, Optional.empty());

    assertThat(periods(schedule)).containsExactly("0=8.0/p1", "480=none");
  }

  @Test
  void connectorsOwnDefaultBeatsConnectorZerosAtTheSameStackLevel() {
    InstalledProfile everywhere = Profiles.txDefault(1, 2).at(BEFORE).period(0, 20).on(0, BEFORE);
    InstalledProfile here = Profiles.txDefault(2, 2).at(BEFORE).period(0, 12).on(1, BEFORE);
    InstalledProfile higher =
        Profiles.txDefault(3, 3).at(NOW).duration(60).period(0, 30).on(0, BEFORE);

    assertThat(periods(compute(120, everywhere, here, higher)))
        .containsExactly("0=30.0/p3", "60=12.0/p2");
  }

  @Test
  void noProfileMeansNoLimitInTheAskedUnit() {
    CompositeSchedule schedule =
        schedules.compute(1, List.of(), Optional.empty(), 60, Optional.of(ChargingRateUnitType.W));

    assertThat(periods(schedule)).containsExactly("0=none");
    assertThat(schedule.chargingRateUnit()).isEqualTo(ChargingRateUnitType.W);
  }

  @Test
  void limitsInAmpsAndWattsAreNotMerged() {
    InstalledProfile amps = Profiles.max(1, 0).at(BEFORE).period(0, 32).on(0, BEFORE);
    InstalledProfile watts =
        Profiles.txDefault(2, 0).at(BEFORE).watts().period(0, 7400).on(1, BEFORE);

    assertThatThrownBy(() -> compute(60, amps, watts))
        .isInstanceOf(CompositeRefused.class)
        .hasMessageContaining("profile 1 in A, profile 2 in W")
        .extracting(e -> ((CompositeRefused) e).field())
        .isEqualTo("profiles");
    assertThatThrownBy(
            () ->
                schedules.compute(
                    1, List.of(amps), Optional.empty(), 60, Optional.of(ChargingRateUnitType.W)))
        .isInstanceOf(CompositeRefused.class)
        .hasMessageContaining("limit in A")
        .extracting(e -> ((CompositeRefused) e).field())
        .isEqualTo("unit");
  }

  @Test
  void aProfileOutsideTheWindowDoesNotDecideTheUnit() {
    InstalledProfile amps = Profiles.max(1, 0).at(BEFORE).period(0, 32).on(0, BEFORE);
    InstalledProfile wattsTomorrow =
        Profiles.txDefault(2, 0)
            .at(NOW.plus(Duration.ofDays(1)))
            .watts()
            .period(0, 7400)
            .on(1, BEFORE);

    assertThat(compute(3600, amps, wattsTomorrow).chargingRateUnit())
        .isEqualTo(ChargingRateUnitType.A);
  }

  @Test
  void theLowerLimitKeepsItsNumberOfPhases() {
    InstalledProfile cap = Profiles.max(1, 0).at(BEFORE).period(0, 16, 1).on(0, BEFORE);
    InstalledProfile fallback = Profiles.txDefault(2, 0).at(BEFORE).period(0, 10).on(1, BEFORE);

    CompositeSchedule.Period only = compute(60, cap, fallback).chargingSchedulePeriod().getFirst();

    assertThat(only.limit().getAsDouble()).isEqualTo(10.0);
    assertThat(only.numberPhases()).isEqualTo(3);
  }
}
