package dev.joule.domain.localauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.domain.localauth.LocalListPlan.Message;
import dev.joule.store.LocalListRepository.Change;
import dev.joule.store.LocalListRepository.Entry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LocalListPlanTest {
  private static Entry entry(String idTag, String status) {
    return new Entry(idTag, status, Optional.empty(), Optional.empty());
  }

  private static List<String> tags(Message message) {
    return message.changes().stream()
        .map(c -> c.idTag() + (c.info().isPresent() ? "+" : "-"))
        .toList();
  }

  @Test
  void aChargerWhoseListJouleDoesNotKnowGetsTheWholeListAsFull() {
    List<Message> plan =
        LocalListPlan.of(
            List.of(entry("A", "Accepted"), entry("B", "Blocked")),
            List.of(),
            OptionalInt.empty(),
            0,
            OptionalInt.empty(),
            false);
    assertThat(plan).hasSize(1);
    assertThat(plan.getFirst().full()).isTrue();
    assertThat(plan.getFirst().version()).isEqualTo(1);
    assertThat(tags(plan.getFirst())).containsExactly("A+", "B+");
  }

  @Test
  void aKnownListGetsOnlyItsDifferencesAsDifferentialWithAHigherVersion() {
    Entry changed =
        new Entry(
            "B", "Accepted", Optional.of(Instant.parse("2027-01-01T00:00:00Z")), Optional.empty());
    List<Message> plan =
        LocalListPlan.of(
            List.of(entry("A", "Accepted"), changed, entry("C", "Accepted")),
            List.of(entry("a", "Accepted"), entry("B", "Accepted"), entry("D", "Accepted")),
            OptionalInt.of(4),
            4,
            OptionalInt.empty(),
            false);
    assertThat(plan).hasSize(1);
    Message message = plan.getFirst();
    assertThat(message.full()).isFalse();
    assertThat(message.version()).isEqualTo(5);
    // "a" is "A" (case-insensitive) but spelt differently: sent again as the id tags spell it
    assertThat(tags(message)).containsExactly("A+", "B+", "C+", "D-");
    assertThat(message.changes().get(1).info()).contains(changed);
  }

  @Test
  void aListInSyncNeedsNoMessage() {
    List<Entry> list = List.of(entry("A", "Accepted"));
    assertThat(LocalListPlan.of(list, list, OptionalInt.of(3), 3, OptionalInt.of(10), false))
        .isEmpty();
  }

  @Test
  void aChargerThatReportsAnotherVersionThanJouleRecordedGetsAFullList() {
    List<Entry> list = List.of(entry("A", "Accepted"));
    List<Message> plan =
        LocalListPlan.of(list, list, OptionalInt.of(3), 1, OptionalInt.empty(), false);
    assertThat(plan)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.full()).isTrue();
              assertThat(m.version()).isEqualTo(2);
            });
  }

  @Test
  void afterFailedOrVersionMismatchTheFullListIsForced() {
    List<Entry> list = List.of(entry("A", "Accepted"));
    List<Message> plan =
        LocalListPlan.of(list, list, OptionalInt.of(3), 3, OptionalInt.empty(), true);
    assertThat(plan).singleElement().satisfies(m -> assertThat(m.full()).isTrue());
  }

  @Test
  void aListLongerThanSendLocalListMaxLengthIsAFullThenDifferentials() {
    List<Entry> five =
        List.of(
            entry("A", "Accepted"),
            entry("B", "Accepted"),
            entry("C", "Accepted"),
            entry("D", "Accepted"),
            entry("E", "Accepted"));
    List<Message> plan =
        LocalListPlan.of(five, List.of(), OptionalInt.empty(), 7, OptionalInt.of(2), false);
    assertThat(plan).extracting(Message::full).containsExactly(true, false, false);
    assertThat(plan).extracting(Message::version).containsExactly(8, 9, 10);
    assertThat(plan)
        .extracting(LocalListPlanTest::tags)
        .containsExactly(List.of("A+", "B+"), List.of("C+", "D+"), List.of("E+"));
  }

  @Test
  void anEmptyWantedListClearsTheChargersListWithAnEmptyFull() {
    List<Message> plan =
        LocalListPlan.of(
            List.of(),
            List.of(entry("A", "Accepted")),
            OptionalInt.of(2),
            5,
            OptionalInt.empty(),
            false);
    assertThat(plan)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.full()).isTrue();
              assertThat(m.changes()).isEmpty();
            });
    List<Message> known =
        LocalListPlan.of(
            List.of(),
            List.of(entry("A", "Accepted")),
            OptionalInt.of(2),
            2,
            OptionalInt.empty(),
            false);
    assertThat(known)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.full()).isFalse();
              assertThat(m.changes()).containsExactly(new Change("A", Optional.empty()));
            });
  }
}
