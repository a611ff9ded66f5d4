package dev.joule.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The postmortem draft of a resolved incident as Markdown (issue 11): title, summary, the timeline
 * from the alert history and the incident's updates, the impact from the gateways' recorded
 * tallies, the alerts by name, and empty sections for the humans. Says what it does not know rather
 * than estimating. No I/O: {@link Postmortems} gathers the facts.
 */
final class Postmortem {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Everything the draft says.
   *
   * @param alerts the transitions of the incident's alerts from its opening to its resolution
   * @param start the first signal: when the first of its alerts' conditions was seen
   * @param during the tallies of [start, resolved]
   * @param before the tallies of as long a span right before {@code start}
   * @param active the tallies of [start, the last {@code monitoring} update]
   * @param delayThreshold what counts as a delayed CALL
   */
  record Facts(
      Incident incident,
      List<PostmortemStore.AlertLine> alerts,
      Instant start,
      CallImpact during,
      CallImpact before,
      CallImpact active,
      Duration delayThreshold) {}

  private Postmortem() {}

  static String markdown(Facts f) {
    Incident incident = f.incident();
    CallImpact d = f.during();
    StringBuilder md = new StringBuilder();
    md.append("# Postmortem draft: ").append(incident.title()).append("\n\n");
    md.append("Incident ")
        .append(incident.id())
        .append(" · impact ")
        .append(incident.impact())
        .append(" · components: ")
        .append(String.join(", ", incident.components()))
        .append(incident.automatic() ? " · opened by Joule" : " · opened by an operator")
        .append(". Written by Joule from what it recorded; times are UTC.\n\n");
    md.append("## Summary\n\n")
        .append(incident.title())
        .append(" from ")
        .append(time(f.start()))
        .append(" (first signal) to ")
        .append(time(incident.resolvedAt()))
        .append(" (resolved), ")
        .append(seconds(Duration.between(f.start(), incident.resolvedAt())))
        .append(". Alerts: ")
        .append(incident.alerts().isEmpty() ? "none" : String.join(", ", incident.alerts()))
        .append(". ")
        .append(d.answered())
        .append(" charger CALLs were answered, ")
        .append(d.delayed())
        .append(" of them later than ")
        .append(seconds(f.delayThreshold()))
        .append(", from ")
        .append(chargers(d))
        .append(" chargers; the longest wait was ")
        .append(duration(d.longestWaitMicros()))
        .append(". ")
        .append(d.nothingLost() ? "Messages lost: 0." : "Messages lost: not known to be 0.")
        .append("\n\n");
    timeline(md, f);
    impact(md, f);
    md.append("## Alerts\n\n");
    if (incident.alerts().isEmpty()) {
      md.append("None: opened by an operator.\n");
    }
    for (String alert : incident.alerts()) {
      md.append("- **").append(alert).append("**");
      for (PostmortemStore.AlertLine line : f.alerts()) {
        if (line.alert().equals(alert)) {
          md.append("; ")
              .append(line.state())
              .append(" ")
              .append(clock(line.at()))
              .append(" on ")
              .append(line.node());
        }
      }
      md.append("\n");
    }
    md.append("\n## Root cause\n\n\n## Next steps\n\n");
    return md.toString();
  }

  private static void timeline(StringBuilder md, Facts f) {
    record Line(Instant at, int order, String text) {}
    List<Line> lines = new ArrayList<>();
    f.alerts().stream()
        .filter(PostmortemStore.AlertLine::firing)
        .min(Comparator.comparing(PostmortemStore.AlertLine::since))
        .ifPresent(
            first ->
                lines.add(
                    new Line(
                        first.since(),
                        0,
                        "First signal: the condition of " + first.alert() + " is seen")));
    for (PostmortemStore.AlertLine line : f.alerts()) {
      String what = line.firing() ? "fired" : "resolved";
      lines.add(
          new Line(
              line.at(),
              1,
              "Alert " + line.alert() + " " + what + " on " + line.node() + ": " + line.text()));
    }
    for (IncidentUpdate update : f.incident().updates()) {
      lines.add(new Line(update.at(), 2, "**" + update.status() + "**: " + update.text()));
    }
    lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::order));
    md.append("## Timeline\n\n| Time (UTC) | What happened |\n|---|---|\n");
    for (Line line : lines) {
      md.append("| ")
          .append(time(line.at()))
          .append(" | ")
          .append(cell(line.text()))
          .append(" |\n");
    }
    md.append("\n");
  }

  private static void impact(StringBuilder md, Facts f) {
    CallImpact d = f.during();
    md.append("## Impact\n\n")
        .append("From the per-second records of the gateway nodes (")
        .append(d.nodes().isEmpty() ? "none recorded CALLs" : String.join(", ", d.nodes()))
        .append(") from ")
        .append(time(f.start()))
        .append(" to ")
        .append(time(f.incident().resolvedAt()))
        .append(". A CALL's wait runs from its arrival at the gateway to its answer.\n\n");
    md.append("- CALLs received: ")
        .append(d.received())
        .append("; answered: ")
        .append(d.answered())
        .append("\n- CALLs delayed beyond ")
        .append(seconds(f.delayThreshold()))
        .append(": ")
        .append(d.delayed())
        .append("\n- Chargers affected (a CALL delayed beyond ")
        .append(seconds(f.delayThreshold()))
        .append("): ")
        .append(chargers(d))
        .append("\n- Longest wait of any CALL: ")
        .append(duration(d.longestWaitMicros()))
        .append("\n- p99 wait: ")
        .append(p99(d))
        .append(" during the incident; ")
        .append(p99(f.before()))
        .append(" in as long a span before it")
        .append("\n- p99 wait from the first signal to monitoring: ")
        .append(p99(f.active()))
        .append("\n- Reply deadline misses (answered InternalError): ")
        .append(d.deadlinesMissed())
        .append("\n- Commands to chargers sent: ")
        .append(d.commandsSent())
        .append("; timed out: ")
        .append(d.commandsTimedOut())
        .append("\n- ")
        .append(lost(d))
        .append("\n\n");
  }

  private static String lost(CallImpact d) {
    String balance =
        d.received()
            + " received = "
            + d.answered()
            + " answered + "
            + d.abandoned()
            + " unanswered at a connection's close + "
            + d.inFlightAtEnd()
            + " still in flight at the end − "
            + d.inFlightAtStart()
            + " in flight at the start";
    if (d.nothingLost()) {
      return "Messages lost: 0 (every CALL received was answered"
          + (d.inFlightAtEnd() == 0 ? "" : " or is still in flight")
          + ": "
          + balance
          + ")";
    }
    if (!d.gaps().isEmpty()) {
      return "Messages lost: not known: " + String.join("; ", d.gaps());
    }
    return "Messages lost: not known to be 0: "
        + d.abandoned()
        + " CALLs were unanswered when their connection closed; a charger sends such a CALL"
        + " again after reconnecting, which the record cannot follow ("
        + balance
        + ")";
  }

  private static String chargers(CallImpact d) {
    return (d.moreChargers() ? "at least " : "") + d.chargers().size();
  }

  private static String p99(CallImpact impact) {
    return impact.p99Micros() < 0
        ? "no CALLs"
        : "≤ " + duration(impact.p99Micros()) + " (" + impact.answered() + " CALLs)";
  }

  /** A wait in microseconds for humans: µs below 1 ms, ms below 1 s, else seconds to the ms. */
  static String duration(long micros) {
    if (micros < 1_000) {
      return micros + " µs";
    }
    if (micros < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
    }
    return String.format(Locale.ROOT, "%.3f s", micros / 1_000_000.0);
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static String clock(Instant at) {
    return time(at).substring(11);
  }

  static String time(Instant at) {
    return TIME.format(at);
  }
}
