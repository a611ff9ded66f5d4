package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartPointsTest {
  private static CallTally tally(
      String node, long second, long answered, long longestMicros, long received, long done) {
    return new CallTally(
        node,
        second,
        0,
        0,
        answered,
        0,
        0,
        0,
        longestMicros,
        new long[0],
        new long[0],
        List.of(),
        0,
        0,
        0,
        received,
        done,
        0);
  }

  @Test
  void gatewaysAreSummedPerSecondAndBucketsTakeTheMeanRateAndTheLargestRest() {
    List<CallTally> tallies =
        List.of(
            tally("g1", 100, 10, 2_000, 50, 40),
            tally("g2", 100, 30, 500_000, 20, 20),
            tally("g1", 101, 50, 1_000, 50, 50),
            tally("g1", 103, 4, 7_000_000, 54, 54));
    List<HistoryStore.SignalSecond> signals =
        List.of(new HistoryStore.SignalSecond(100, 12, 3_500, 0, 2_000));

    ChartPoints p = ChartPoints.of(100, 103, tallies, signals, 2);

    assertThat(p.width()).isEqualTo(2);
    assertThat(p.seconds()).containsExactly(100, 102);
    assertThat(p.answeredPerSecond()).containsExactly(45.0, 2.0);
    assertThat(p.inFlight()).containsExactly(10.0, 0.0); // g1 had 10 in flight at the end of 100
    assertThat(p.longestWaitSeconds()).containsExactly(0.5, 7.0);
    assertThat(p.backlog()[0]).isEqualTo(12.0);
    assertThat(p.oldestWaitingSeconds()[0]).isEqualTo(3.5);
    assertThat(p.longestHeldSeconds()[0]).isEqualTo(2.0);
    assertThat(p.backlog()[1]).isNaN(); // no signal recorded: a gap, not a zero
  }

  @Test
  void oneSecondPerPointWhenTheSpanIsShort() {
    ChartPoints p = ChartPoints.of(10, 14, List.of(), List.of(), 360);

    assertThat(p.width()).isEqualTo(1);
    assertThat(p.seconds()).containsExactly(10, 11, 12, 13, 14);
  }

  @Test
  void axesEndAtARoundNumber() {
    assertThat(ChartScale.roundUp(0.2)).isEqualTo(1);
    assertThat(ChartScale.roundUp(3)).isEqualTo(5);
    assertThat(ChartScale.roundUp(100)).isEqualTo(100);
    assertThat(ChartScale.roundUp(101)).isEqualTo(200);
    assertThat(ChartScale.roundUp(6_000)).isEqualTo(10_000);
  }

  @Test
  void onlyTheUpdatesInsideTheChartAreMarkedAndGapsBreakTheLine() {
    StringBuilder svg = new StringBuilder();

    SvgChart.panel(
        svg,
        "Backlog",
        "messages",
        new long[] {100, 101, 102, 103},
        1,
        List.of(new SvgChart.Line("inbox", "l2", new double[] {1, 2, Double.NaN, 4})),
        List.of(new SvgChart.Marker(101, "investigating"), new SvgChart.Marker(200, "resolved")),
        101,
        300);

    assertThat(svg.toString())
        .contains(">investigating</text>")
        .doesNotContain(">resolved</text>")
        .containsPattern("d=\"M[0-9.]+ [0-9.]+ L[0-9.]+ [0-9.]+ M[0-9.]+ [0-9.]+\"");
  }
}
