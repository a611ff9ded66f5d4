package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.alerting.Evaluated;
import dev.joule.alerting.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentStatesTest {
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  private static Signals signals(double processedPerSecond, int backlog, Duration longestHeld) {
    return new Signals(
        T0,
        10,
        processedPerSecond,
        backlog,
        Duration.ZERO,
        longestHeld,
        0,
        0,
        0,
        0,
        0,
        0,
        Duration.ofMillis(2),
        List.of(),
        List.of(),
        0,
        List.of(),
        0);
  }

  private static ComponentState stateOf(List<Judged> judged, Component component) {
    return judged.stream()
        .filter(j -> j.component() == component && j.instance().isEmpty())
        .findFirst()
        .orElseThrow()
        .state();
  }

  @Test
  void nothingFiringIsOperationalEverywhere() {
    List<Judged> judged =
        ComponentStates.judge(new Evaluated(signals(10, 0, Duration.ZERO), List.of()), List.of());
    assertThat(judged).hasSize(Component.values().length);
    assertThat(judged).allMatch(j -> j.state() == ComponentState.OPERATIONAL);
  }

  @Test
  void aStallWhileOtherWorkersStillCompleteIsAPartialOutageOfProcessing() {
    List<Judged> judged =
        ComponentStates.judge(
            new Evaluated(signals(8, 3, Duration.ofSeconds(4)), List.of("ProcessingStalled")),
            List.of());
    assertThat(stateOf(judged, Component.MESSAGE_PROCESSING))
        .isEqualTo(ComponentState.PARTIAL_OUTAGE);
    assertThat(stateOf(judged, Component.OCPP_CONNECTIONS)).isEqualTo(ComponentState.OPERATIONAL);
  }

  @Test
  void aStallWithNothingCompletingIsAMajorOutage() {
    List<Judged> judged =
        ComponentStates.judge(
            new Evaluated(signals(0, 3, Duration.ofSeconds(4)), List.of("ProcessingStalled")),
            List.of());
    assertThat(stateOf(judged, Component.MESSAGE_PROCESSING))
        .isEqualTo(ComponentState.MAJOR_OUTAGE);
  }

  @Test
  void slownessIsDegradedPerformanceOfTheComponentsItTouches() {
    List<Judged> judged =
        ComponentStates.judge(
            new Evaluated(
                signals(10, 0, Duration.ZERO), List.of("DatabaseSlow", "CommandsTimingOut")),
            List.of());
    assertThat(stateOf(judged, Component.MESSAGE_PROCESSING))
        .isEqualTo(ComponentState.DEGRADED_PERFORMANCE);
    assertThat(stateOf(judged, Component.API)).isEqualTo(ComponentState.DEGRADED_PERFORMANCE);
    assertThat(stateOf(judged, Component.CHARGER_COMMANDS))
        .isEqualTo(ComponentState.DEGRADED_PERFORMANCE);
    assertThat(stateOf(judged, Component.OCPP_CONNECTIONS)).isEqualTo(ComponentState.OPERATIONAL);
  }

  @Test
  void aBurstOfDisconnectsIsAPartialOutageOfConnections() {
    List<Judged> judged =
        ComponentStates.judge(
            new Evaluated(signals(10, 0, Duration.ZERO), List.of("ChargersDisconnecting")),
            List.of());
    assertThat(stateOf(judged, Component.OCPP_CONNECTIONS))
        .isEqualTo(ComponentState.PARTIAL_OUTAGE);
  }

  @Test
  void inAClusterEachNodeHasARowUnderTheComponentsOfItsRoles() {
    List<Node> nodes =
        List.of(
            new Node("g1", List.of("api", "gateway", "supervisor"), "live", ""),
            new Node("p1", List.of("processor"), "gone", "no heartbeat for 3.1 s"),
            new Node("p2", List.of("processor"), "live", ""));
    List<Judged> judged =
        ComponentStates.judge(new Evaluated(signals(10, 0, Duration.ZERO), List.of()), nodes);

    assertThat(judged)
        .filteredOn(j -> !j.instance().isEmpty())
        .extracting(j -> j.component().id() + "/" + j.instance() + "=" + j.state().wire())
        .containsExactly(
            "ocpp-connections/g1=operational",
            "message-processing/p1=major_outage",
            "message-processing/p2=operational",
            "api/g1=operational");
    assertThat(stateOf(judged, Component.MESSAGE_PROCESSING))
        .as("one of two processors gone")
        .isEqualTo(ComponentState.PARTIAL_OUTAGE);
  }

  @Test
  void everyNodeOfARoleDownIsAMajorOutageOfItsComponent() {
    List<Node> nodes =
        List.of(
            new Node("g1", List.of("api", "gateway"), "live", ""),
            new Node("p1", List.of("processor"), "stalled", "holds 10 messages"));
    List<Judged> judged =
        ComponentStates.judge(new Evaluated(signals(0, 0, Duration.ZERO), List.of()), nodes);
    assertThat(stateOf(judged, Component.MESSAGE_PROCESSING))
        .isEqualTo(ComponentState.MAJOR_OUTAGE);
    assertThat(judged)
        .filteredOn(j -> j.instance().equals("p1"))
        .extracting(Judged::state)
        .containsExactly(ComponentState.PARTIAL_OUTAGE);
  }
}
