package dev.joule.status;

import static dev.joule.status.ComponentState.DEGRADED_PERFORMANCE;
import static dev.joule.status.ComponentState.MAJOR_OUTAGE;
import static dev.joule.status.ComponentState.OPERATIONAL;
import static dev.joule.status.ComponentState.PARTIAL_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeTest {
  private static final long DAY = 86_400;

  /** 2026-12-06T12:00:00Z: today is half over. */
  private static final long NOW = Instant.parse("2026-12-06T12:00:00Z").getEpochSecond();

  private static final long TODAY = NOW - DAY / 2;

  private static Uptime.Change change(long at, ComponentState state) {
    return new Uptime.Change(at, state);
  }

  @Test
  void daysWithoutRecordingHaveNoDataAndCountNeitherWay() {
    Uptime uptime =
        Uptime.of(
            List.of(change(TODAY - DAY, OPERATIONAL)),
            List.of(new Uptime.Stretch(TODAY - DAY, NOW)),
            NOW,
            3);

    assertThat(uptime.days())
        .extracting(UptimeDay::date)
        .containsExactly(
            LocalDate.parse("2026-12-04"),
            LocalDate.parse("2026-12-05"),
            LocalDate.parse("2026-12-06"));
    assertThat(uptime.days())
        .extracting(UptimeDay::status)
        .containsExactly(UptimeDay.NO_DATA, "operational", "operational");
    assertThat(uptime.days().get(0).uptimePercent()).isNull();
    assertThat(uptime.days().get(2).recordedSeconds()).isEqualTo(DAY / 2);
    assertThat(uptime.percent()).isEqualTo(100.0);
  }

  @Test
  void aDayTakesItsWorstStateAndOutagesAreWeighted() {
    // Yesterday: 1 h partial outage, then 6 min major outage, then operational again.
    long y = TODAY - DAY;
    Uptime uptime =
        Uptime.of(
            List.of(
                change(y - 10, OPERATIONAL),
                change(y + 3600, PARTIAL_OUTAGE),
                change(y + 7200, MAJOR_OUTAGE),
                change(y + 7560, OPERATIONAL),
                change(TODAY + 100, DEGRADED_PERFORMANCE)),
            List.of(new Uptime.Stretch(y - 10, NOW)),
            NOW,
            2);

    UptimeDay yesterday = uptime.days().get(0);
    assertThat(yesterday.status()).isEqualTo("major_outage");
    assertThat(yesterday.partialOutageSeconds()).isEqualTo(3600);
    assertThat(yesterday.majorOutageSeconds()).isEqualTo(360);
    assertThat(yesterday.uptimePercent())
        .isCloseTo(100.0 * (DAY - 360 - 0.3 * 3600) / DAY, within(1e-9));
    UptimeDay today = uptime.days().get(1);
    assertThat(today.status()).isEqualTo("degraded_performance");
    assertThat(today.uptimePercent()).isEqualTo(100.0);
    assertThat(uptime.percent())
        .isCloseTo(100.0 * (1.5 * DAY - 360 - 0.3 * 3600) / (1.5 * DAY), within(1e-9));
  }

  @Test
  void onlyRecordedTimeCountsAndOverlappingStretchesCountOnce() {
    // Joule was down from 06:00 to 12:00 yesterday (no stretch), in major outage all along.
    long y = TODAY - DAY;
    Uptime uptime =
        Uptime.of(
            List.of(change(y, MAJOR_OUTAGE)),
            List.of(
                new Uptime.Stretch(y, y + 6 * 3600),
                new Uptime.Stretch(y + 3600, y + 2 * 3600),
                new Uptime.Stretch(y + 12 * 3600, y + DAY)),
            NOW,
            2);

    assertThat(uptime.days().get(0).recordedSeconds()).isEqualTo(18 * 3600);
    assertThat(uptime.days().get(0).majorOutageSeconds()).isEqualTo(18 * 3600);
    assertThat(uptime.days().get(0).uptimePercent()).isEqualTo(0.0);
    assertThat(uptime.days().get(1).status()).isEqualTo(UptimeDay.NO_DATA);
  }

  @Test
  void aStateSpanningMidnightIsSplitBetweenTheDays() {
    Uptime uptime =
        Uptime.of(
            List.of(change(TODAY - 600, PARTIAL_OUTAGE), change(TODAY + 300, OPERATIONAL)),
            List.of(new Uptime.Stretch(TODAY - 600, NOW)),
            NOW,
            2);

    assertThat(uptime.days().get(0).partialOutageSeconds()).isEqualTo(600);
    assertThat(uptime.days().get(1).partialOutageSeconds()).isEqualTo(300);
    assertThat(uptime.days())
        .extracting(UptimeDay::status)
        .containsExactly("partial_outage", "partial_outage");
  }

  @Test
  void timeBeforeTheFirstChangeIsNotCountedAndTheFutureIsCut() {
    Uptime uptime =
        Uptime.of(
            List.of(change(TODAY + 3600, OPERATIONAL)),
            List.of(new Uptime.Stretch(TODAY - 50, NOW + 5 * DAY)),
            NOW,
            1);

    assertThat(uptime.days().get(0).recordedSeconds()).isEqualTo(DAY / 2 - 3600);
  }
}
