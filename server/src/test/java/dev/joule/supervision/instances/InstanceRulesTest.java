package dev.joule.supervision.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceRulesTest {
  private static final long S = 1_000_000_000L;
  private static final InstanceRules RULES =
      new InstanceRules(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(5));
  private static final long NOW = 1_000 * S;

  private static Heard heard(String id, String role, long ageNanos, int holding, long heldMillis) {
    return heard(id, role, ageNanos, holding, heldMillis, 0);
  }

  private static Heard heard(
      String id, String role, long ageNanos, int holding, long heldMillis, long supervisorAge) {
    return new Heard(
        new InstanceReport(
            id,
            List.of(role),
            "host-a",
            42,
            "run-1",
            0,
            0,
            new Progress(holding, heldMillis, 100, 0, true, List.of(), supervisorAge, 0, "", 0)),
        NOW - ageNanos);
  }

  @Test
  void aNodeHeardASecondAgoHoldingYoungMessagesIsLive() {
    Instances judged =
        RULES.judge(List.of(heard("p1", "processor", S, 10, 200)), NOW, 0, true, "g1");

    assertThat(judged.instances())
        .singleElement()
        .extracting(InstanceView::state)
        .isEqualTo(InstanceState.LIVE);
    assertThat(judged.stalled()).isEmpty();
    assertThat(judged.gone()).isEmpty();
  }

  @Test
  void aProcessorWithoutHeartbeatIsGoneAndAStallUntilItsLeasesRanOut() {
    Instances justGone =
        RULES.judge(List.of(heard("p1", "processor", 3 * S + S / 5, 0, 0)), NOW, 0, true, "g1");

    assertThat(justGone.instances().getFirst().state()).isEqualTo(InstanceState.GONE);
    assertThat(justGone.gone()).singleElement().asString().contains("p1", "no heartbeat for 3.2 s");
    assertThat(justGone.stalled()).singleElement().asString().contains("p1", "within 5.0 s");

    Instances leasesExpired =
        RULES.judge(List.of(heard("p1", "processor", 9 * S, 0, 0)), NOW, 0, true, "g1");
    assertThat(leasesExpired.gone()).hasSize(1);
    assertThat(leasesExpired.stalled()).isEmpty();
  }

  @Test
  void aGoneGatewayIsGoneButNotAProcessingStall() {
    Instances judged =
        RULES.judge(List.of(heard("g2", "gateway", 4 * S, 0, 0)), NOW, 0, true, "g1");

    assertThat(judged.gone()).singleElement().asString().contains("g2 (gateway on host-a)");
    assertThat(judged.stalled()).isEmpty();
  }

  @Test
  void holdingMessagesForStallAfterIsAStall() {
    Instances judged =
        RULES.judge(List.of(heard("p1", "processor", S, 40, 5_100)), NOW, 0, true, "g1");

    assertThat(judged.instances().getFirst().state()).isEqualTo(InstanceState.STALLED);
    assertThat(judged.stalled())
        .singleElement()
        .asString()
        .contains("p1", "holds 40 messages without progress for 5.1 s");
  }

  @Test
  void aNodeWhoseOwnSupervisorJustReplacedAWorkerIsALiveNodeButAStall() {
    String replaced = "worker processor-1 abandoned after holding 3 messages for 5.0 s";
    Heard justHealed = healed("p1", 10_000, 9_400, replaced);
    Heard healedLongAgo = healed("p2", 10_000, 5_000, replaced);

    Instances judged = RULES.judge(List.of(justHealed, healedLongAgo), NOW, 0, true, "g1");

    assertThat(judged.instances()).extracting(InstanceView::state).containsOnly(InstanceState.LIVE);
    assertThat(judged.stalled())
        .singleElement()
        .asString()
        .startsWith("p1 (processor on host-a): its supervisor healed it 0.6 s before")
        .endsWith(replaced);
  }

  private static Heard healed(String id, long reportAt, long healedAt, String text) {
    return new Heard(
        new InstanceReport(
            id,
            List.of("processor"),
            "host-a",
            42,
            "run-1",
            0,
            reportAt,
            new Progress(0, 0, 100, 0, true, List.of(), 0, 1, text, healedAt)),
        NOW - S);
  }

  @Test
  void aSupervisorThatStoppedLookingIsAStallEvenWithNothingHeld() {
    Instances judged =
        RULES.judge(List.of(heard("p1", "processor", S, 0, 0, 6_000)), NOW, 0, true, "g1");

    assertThat(judged.instances().getFirst().state()).isEqualTo(InstanceState.STALLED);
    assertThat(judged.stalled()).singleElement().asString().contains("has not looked");
  }

  @Test
  void aBacklogWithNoLiveProcessorIsAStall() {
    Instances judged =
        RULES.judge(
            List.of(heard("g1", "gateway", S, 0, 0), heard("p1", "processor", 10 * S, 0, 0)),
            NOW,
            25,
            true,
            "g1");

    assertThat(judged.stalled()).contains("no live processor while 25 messages wait");
  }

  @Test
  void aNodeThatDoesNotActSeesTheClusterButReportsNothingToAlert() {
    Instances judged =
        RULES.judge(List.of(heard("p1", "processor", 4 * S, 0, 0)), NOW, 0, false, "g1");

    assertThat(judged.instances())
        .extracting(InstanceView::state)
        .containsExactly(InstanceState.GONE);
    assertThat(judged.supervisor()).isEqualTo("g1");
    assertThat(judged.stalled()).isEmpty();
    assertThat(judged.gone()).isEmpty();
  }

  @Test
  void instancesAreListedById() {
    Instances judged =
        RULES.judge(
            List.of(heard("p2", "processor", S, 0, 0), heard("g1", "gateway", S, 0, 0)),
            NOW,
            0,
            true,
            "g1");

    assertThat(judged.instances()).extracting(InstanceView::id).containsExactly("g1", "p2");
  }
}
