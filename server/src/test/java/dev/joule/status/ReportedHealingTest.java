package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportedHealingTest {
  private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
  private static final List<String> PROCESSOR = List.of("processor");

  private static Node node(String id, long healings, String last) {
    return new Node(id, PROCESSOR, "live", "", healings, last);
  }

  @Test
  void aNodesNewHealingIsQuotedOnceWithItsName() {
    ReportedHealing reported = new ReportedHealing("g1");
    assertThat(reported.of(List.of(node("p1", 2, "old")), AT)).isEmpty(); // history

    List<Healing> healing = reported.of(List.of(node("p1", 3, "worker w-1 abandoned")), AT);

    assertThat(healing)
        .singleElement()
        .satisfies(h -> assertThat(h.text()).isEqualTo("instance p1: worker w-1 abandoned"))
        .satisfies(h -> assertThat(h.at()).isEqualTo(AT));
    assertThat(reported.of(List.of(node("p1", 3, "worker w-1 abandoned")), AT)).isEmpty();
  }

  @Test
  void severalAtOnceSayHowManyMoreAndARestartedNodeCountsFromZero() {
    ReportedHealing reported = new ReportedHealing("g1");
    reported.of(List.of(node("p1", 0, "")), AT);

    assertThat(reported.of(List.of(node("p1", 3, "worker w-2 abandoned")), AT))
        .extracting(Healing::text)
        .containsExactly("instance p1: worker w-2 abandoned (and 2 more healing actions on p1)");
    assertThat(reported.of(List.of(node("p1", 1, "worker w-0 abandoned")), AT))
        .extracting(Healing::text)
        .containsExactly("instance p1: worker w-0 abandoned");
  }

  @Test
  void itsOwnHealingAndWhatANewSupervisorFindsAreNotQuoted() {
    ReportedHealing reported = new ReportedHealing("g1");
    reported.of(List.of(node("g1", 0, ""), node("p1", 0, "")), AT);
    assertThat(reported.of(List.of(node("g1", 1, "worker w-0 abandoned")), AT)).isEmpty();

    reported.forget();
    assertThat(reported.of(List.of(node("p1", 4, "worker w-3 abandoned")), AT)).isEmpty();
  }
}
