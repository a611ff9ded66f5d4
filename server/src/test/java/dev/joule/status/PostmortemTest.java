package dev.joule.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostmortemTest {
  private static final Instant OPENED = Instant.parse("2026-12-03T10:00:02.400Z");

  private static Incident incident() {
    List<IncidentUpdate> updates =
        List.of(
            update(OPENED, "investigating", "Message processing: processing stalled"),
            update(OPENED.plusSeconds(2), "identified", "worker processor-1 abandoned"),
            update(OPENED.plusSeconds(5), "monitoring", "Signals are normal again"),
            update(OPENED.plusSeconds(7), "resolved", "No recurrence for 2 s; resolved."));
    return new Incident(
        7,
        "Message processing stalled",
        "resolved",
        "major",
        List.of("message-processing"),
        List.of("ProcessingStalled"),
        true,
        OPENED,
        OPENED.plusSeconds(7),
        OPENED.plusSeconds(7),
        updates);
  }

  private static IncidentUpdate update(Instant at, String status, String text) {
    return new IncidentUpdate(0, 7, at, status, text, List.of(), "joule");
  }

  private static final List<PostmortemStore.AlertLine> ALERTS =
      List.of(
          new PostmortemStore.AlertLine(
              "ProcessingStalled",
              "firing",
              "node-1",
              "FIRING ProcessingStalled: 1 worker holds 1 message",
              OPENED,
              OPENED.minusSeconds(1)),
          new PostmortemStore.AlertLine(
              "ProcessingStalled",
              "resolved",
              "node-1",
              "RESOLVED ProcessingStalled",
              OPENED.plusSeconds(5),
              OPENED));

  private static String render(CallImpact during) {
    CallImpact none = CallImpact.of(0, 0, List.of(), List.of());
    return Postmortem.markdown(
        new Postmortem.Facts(
            incident(),
            ALERTS,
            OPENED.minusSeconds(1),
            during,
            none,
            during,
            Duration.ofSeconds(1)));
  }

  @Test
  void theDraftHasTheTimelineInOrderTheImpactTheAlertsAndEmptySectionsForHumans() {
    CallTally second =
        CallImpactTest.delayed(
            CallImpactTest.second("node-1", 1000, null, 12, 12, 0), 3, 2_345_678, "CP-1", "CP-2");
    String md = render(CallImpact.of(999, 1010, List.of(), List.of(second)));

    assertThat(md).startsWith("# Postmortem draft: Message processing stalled\n");
    assertThat(md)
        .containsSubsequence(
            "## Summary",
            "## Timeline",
            "| 2026-12-03 10:00:01 | First signal: the condition of ProcessingStalled is seen |",
            "| 2026-12-03 10:00:02 | Alert ProcessingStalled fired on node-1",
            "| 2026-12-03 10:00:02 | **investigating**: Message processing: processing stalled |",
            "| 2026-12-03 10:00:04 | **identified**: worker processor-1 abandoned |",
            "| 2026-12-03 10:00:07 | Alert ProcessingStalled resolved on node-1",
            "| 2026-12-03 10:00:07 | **monitoring**",
            "| 2026-12-03 10:00:09 | **resolved**",
            "## Impact",
            "- CALLs received: 12; answered: 12",
            "- CALLs delayed beyond 1 s: 3",
            "- Chargers affected (a CALL delayed beyond 1 s): 2",
            "- Longest wait of any CALL: 2.346 s",
            "- p99 wait: ≤ 2.346 s (12 CALLs) during the incident; no CALLs in as long a span",
            "- Reply deadline misses (answered InternalError): 0",
            "- Commands to chargers sent: 0; timed out: 0",
            "- Messages lost: 0 (every CALL received was answered: 12 received = 12 answered",
            "## Alerts",
            "- **ProcessingStalled**; firing 10:00:02 on node-1; resolved 10:00:07 on node-1",
            "## Root cause\n\n\n## Next steps\n");
    assertThat(md).contains("Messages lost: 0.");
  }

  @Test
  void whatTheRecordCannotShowIsSaidNotGuessed() {
    CallTally holding = CallImpactTest.second("node-1", 1000, null, 2, 0, 0);
    String md = render(CallImpact.of(999, 1010, List.of(), List.of(holding)));

    assertThat(md)
        .contains("Messages lost: not known to be 0.")
        .contains("- Messages lost: not known: node-1's record ends at")
        .doesNotContain("Messages lost: 0");
  }
}
