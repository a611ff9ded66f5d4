package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceHealingTest {
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void aProcessorRowTurningStalledOrGoneSaysWhereItsMessagesGo() {
    List<Healing> healing =
        InstanceHealing.of(
            List.of(
                new StatusStore.Change(
                    "message-processing",
                    "p2",
                    "major_outage",
                    "gone: p2 (processor on vm): no heartbeat for 3.1 s"),
                new StatusStore.Change(
                    "message-processing", "p3", "partial_outage", "stalled: holds 40 messages"),
                new StatusStore.Change("message-processing", "p1", "operational", "live"),
                new StatusStore.Change("message-processing", "p4", "left", "left the cluster"),
                new StatusStore.Change("message-processing", "", "major_outage", "p2 gone"),
                new StatusStore.Change("ocpp-connections", "g1", "major_outage", "gone")),
            AT);

    assertThat(healing).extracting(Healing::at).containsOnly(AT);
    assertThat(healing)
        .extracting(Healing::text)
        .containsExactly(
            "instance p2 gone: no heartbeat for 3.1 s; its leases are no longer extended, so the"
                + " messages it holds go to the live processors once they run out (ack-wait)",
            "instance p3 stalled: holds 40 messages; its leases are no longer extended, so the"
                + " messages it holds go to the live processors once they run out (ack-wait)");
  }
}
