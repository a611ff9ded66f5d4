package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeBarsTest {
  private static final long NOW = Instant.parse("2026-12-06T12:00:00Z").getEpochSecond();

  @Test
  void nearlyFullUptimeIsNotRoundedUpToAHundred() {
    assertThat(UptimeBars.percent(99.996)).isEqualTo("99.99 %");
    assertThat(UptimeBars.percent(100.0)).isEqualTo("100.00 %");
  }

  @Test
  void spansReadLikeAHumanWouldSayThem() {
    assertThat(UptimeBars.span(40)).isEqualTo("40 s");
    assertThat(UptimeBars.span(725)).isEqualTo("12 min 5 s");
    assertThat(UptimeBars.span(3 * 3600 + 120 + 7)).isEqualTo("3 h 2 min");
  }

  @Test
  void eachDayIsABarColouredByItsWorstStateWithATooltip() {
    long today = NOW - 43_200;
    Uptime uptime =
        Uptime.of(
            List.of(
                new Uptime.Change(today, ComponentState.OPERATIONAL),
                new Uptime.Change(today + 60, ComponentState.MAJOR_OUTAGE),
                new Uptime.Change(today + 90, ComponentState.OPERATIONAL)),
            List.of(new Uptime.Stretch(today, NOW)),
            NOW,
            3);
    StringBuilder html = new StringBuilder();

    UptimeBars.append(html, uptime);

    assertThat(html.toString())
        .contains("<rect class=\"day b-no_data\" x=\"0\"")
        .contains("<title>2026-12-04: no data recorded</title>")
        .contains("<rect class=\"day b-major_outage\" x=\"16\"")
        .contains("<title>2026-12-06: 99.93 % uptime, major outage 30 s</title>")
        .contains("<span>99.93 % uptime</span>");
  }
}
