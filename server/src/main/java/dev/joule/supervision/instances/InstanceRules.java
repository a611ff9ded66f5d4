package dev.joule.supervision.instances;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Judges heartbeats: live, stalled or gone (see {@link InstanceState}), and what the alerts say. No
 * I/O and no clock of its own: the monitor hands it what it heard and the time.
 *
 * @param goneAfter no heartbeat this long: gone
 * @param stallAfter holding messages this long, or a supervisor view this old: stalled
 * @param ackWait after this long a gone processor's leases have run out and its messages went to
 *     other processors: from then on it is gone, no longer a stall of processing
 */
record InstanceRules(Duration goneAfter, Duration stallAfter, Duration ackWait) {
  /** A node's own healing this recent, as its heartbeat says, is a stall of the cluster. */
  static final Duration HEALED_RECENTLY = Duration.ofSeconds(2);

  /** The views, and the problems the alerts name, for what was heard by {@code nowNanos}. */
  Instances judge(
      Collection<Heard> heard, long nowNanos, int waiting, boolean acting, String lead) {
    List<InstanceView> views = new ArrayList<>();
    List<String> stalled = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    int liveProcessors = 0;
    for (Heard h : heard) {
      InstanceReport r = h.report();
      Progress p = r.progress();
      Duration age = Duration.ofNanos(Math.max(0, nowNanos - h.receivedNanos()));
      Duration held = Duration.ofMillis(p.longestHeldMillis());
      String who = r.id() + " (" + String.join(",", r.roles()) + " on " + r.host() + ")";
      InstanceState state;
      String detail = "";
      if (age.compareTo(goneAfter) >= 0) {
        state = InstanceState.GONE;
        detail = who + ": no heartbeat for " + seconds(age);
        gone.add(detail);
        if (r.processes() && age.minus(goneAfter).compareTo(ackWait) < 0) {
          stalled.add(
              detail + "; what it held goes to other processors within " + seconds(ackWait));
        }
      } else if (p.holding() > 0 && held.compareTo(stallAfter) >= 0) {
        state = InstanceState.STALLED;
        detail = who + ": holds " + p.holding() + " messages without progress for " + seconds(held);
        stalled.add(detail);
      } else if (p.supervisorAgeMillis() >= stallAfter.toMillis()) {
        state = InstanceState.STALLED;
        detail =
            who
                + ": its supervisor has not looked at its workers for "
                + seconds(Duration.ofMillis(p.supervisorAgeMillis()));
        stalled.add(detail);
      } else {
        state = InstanceState.LIVE;
        if (r.processes()) {
          liveProcessors++;
          long healedAgo = r.at() - p.lastHealingAt();
          if (p.lastHealingAt() > 0 && healedAgo < HEALED_RECENTLY.toMillis()) {
            // A worker hung and its own supervisor replaced it: a stall, even though the node
            // progresses again (in one process the replaced worker fires the same alert).
            stalled.add(
                who
                    + ": its supervisor healed it "
                    + seconds(Duration.ofMillis(Math.max(0, healedAgo)))
                    + " before its last heartbeat: "
                    + p.lastHealing());
          }
        }
      }
      views.add(
          new InstanceView(
              r.id(),
              r.roles(),
              state,
              r.host(),
              r.pid(),
              Instant.ofEpochMilli(r.startedAt()),
              age.toNanos() / 1e9,
              p.holding(),
              p.longestHeldMillis() / 1e3,
              p.processed(),
              p.connected(),
              p.ready(),
              p.reasons(),
              detail,
              p.healings(),
              p.lastHealing()));
    }
    if (liveProcessors == 0 && waiting > 0) {
      stalled.add("no live processor while " + waiting + " messages wait");
    }
    views.sort(Comparator.comparing(InstanceView::id));
    return acting
        ? new Instances(views, true, lead, stalled, gone)
        : new Instances(views, false, lead, List.of(), List.of());
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1e3);
  }
}
