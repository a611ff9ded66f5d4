package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentTrackerTest {
  private final ComponentTracker tracker = new ComponentTracker();

  @Test
  void onlyChangesOfStateAreRecordedAndANodeThatLeftIsMarked() {
    tracker.seed(
        Map.of(
            "api/",
            new StatusStore.Latest("api", "", "operational", "", Instant.EPOCH),
            "message-processing/p9",
            new StatusStore.Latest("message-processing", "p9", "operational", "", Instant.EPOCH)));

    List<StatusStore.Change> first =
        tracker.changes(
            List.of(
                new Judged(Component.API, "", ComponentState.OPERATIONAL, ""),
                new Judged(
                    Component.MESSAGE_PROCESSING, "", ComponentState.PARTIAL_OUTAGE, "stalled")));
    assertThat(first)
        .extracting(c -> c.component() + "/" + c.instance() + "=" + c.state())
        .containsExactlyInAnyOrder(
            "message-processing/=partial_outage", "message-processing/p9=left");

    List<StatusStore.Change> again =
        tracker.changes(
            List.of(
                new Judged(Component.API, "", ComponentState.OPERATIONAL, ""),
                new Judged(
                    Component.MESSAGE_PROCESSING,
                    "",
                    ComponentState.PARTIAL_OUTAGE,
                    "other words")));
    assertThat(again).as("same states, other reason: nothing to record").isEmpty();
  }
}
