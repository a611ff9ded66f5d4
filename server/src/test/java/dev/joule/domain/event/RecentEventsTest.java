package dev.joule.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

  static ChargerEvent connected(String chargerId) {
    return new ChargerEvent.Connected(chargerId, Instant.EPOCH, 1);
  }

  @Test
  void aReaderGetsTheEventsAfterItsPositionInOrder() {
    RecentEvents events = new RecentEvents(clock, Duration.ofMinutes(10), 100);
    long start = events.last();
    events.publish(connected("A"));
    events.publish(connected("B"));
    events.publish(connected("C"));

    RecentEvents.Batch all = events.after(start, 10);
    assertThat(all.gap()).isFalse();
    assertThat(all.events()).extracting(e -> e.event().chargerId()).containsExactly("A", "B", "C");
    assertThat(all.events())
        .extracting(RecentEvents.Stored::id)
        .containsExactly(start + 1, start + 2, start + 3);

    RecentEvents.Batch rest = events.after(start + 1, 1);
    assertThat(rest.events()).extracting(e -> e.event().chargerId()).containsExactly("B");
    assertThat(rest.last()).isEqualTo(start + 3);
  }

  @Test
  void eventsOlderThanTheRetentionAreDroppedAndAReaderBehindThemIsToldOfTheGap() {
    RecentEvents events = new RecentEvents(clock, Duration.ofMinutes(10), 100);
    long start = events.last();
    events.publish(connected("OLD"));
    clock.advance(Duration.ofMinutes(11));
    events.publish(connected("NEW"));

    RecentEvents.Batch batch = events.after(start, 10);
    assertThat(batch.gap()).isTrue();
    assertThat(batch.events()).extracting(e -> e.event().chargerId()).containsExactly("NEW");
    assertThat(events.after(start + 1, 10).gap()).isFalse();
  }

  @Test
  void theCapacityBoundsMemoryWhateverTheRetention() {
    RecentEvents events = new RecentEvents(clock, Duration.ofDays(1), 2);
    long start = events.last();
    events.publish(connected("A"));
    events.publish(connected("B"));
    events.publish(connected("C"));

    RecentEvents.Batch batch = events.after(start, 10);
    assertThat(batch.gap()).isTrue();
    assertThat(batch.events()).extracting(e -> e.event().chargerId()).containsExactly("B", "C");
  }

  @Test
  void idsOfALaterProcessAreAboveThoseOfAnEarlierOne() {
    RecentEvents earlier = new RecentEvents(clock, Duration.ofMinutes(10), 10);
    earlier.publish(connected("A"));
    long lastOfEarlier = earlier.last();
    clock.advance(Duration.ofSeconds(1));
    RecentEvents later = new RecentEvents(clock, Duration.ofMinutes(10), 10);
    later.publish(connected("B"));

    assertThat(later.last()).isGreaterThan(lastOfEarlier);
    assertThat(later.after(lastOfEarlier, 10).gap()).isTrue();
  }

  @Test
  void listenersAreCalledAfterEachPublishUntilRemoved() throws Exception {
    RecentEvents events = new RecentEvents(clock, Duration.ofMinutes(10), 10);
    AtomicInteger calls = new AtomicInteger();
    AutoCloseable listening = events.listen(calls::incrementAndGet);
    events.publish(connected("A"));
    listening.close();
    events.publish(connected("B"));
    assertThat(calls).hasValue(1);
  }
}
