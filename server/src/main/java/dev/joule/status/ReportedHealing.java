package dev.joule.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Healing that another node did by itself: its own supervisor replaced a hung worker, which only
 * that node sees. Its heartbeat carries how many healing actions it took and the last one in words;
 * the acting supervisor quotes each new one in the incident, naming the node. This node's own
 * healing reaches the incident directly ({@link StatusRecorder#healed}) and is not quoted twice.
 */
final class ReportedHealing {
  private final String self;
  private final Map<String, Long> seen = new HashMap<>();

  ReportedHealing(String self) {
    this.self = self;
  }

  /** What a newly acting supervisor finds is history: only later healing is quoted. */
  void forget() {
    seen.clear();
  }

  /** One healing per node whose count grew since the last round. */
  List<Healing> of(List<Node> nodes, Instant at) {
    List<Healing> healing = new ArrayList<>();
    for (Node node : nodes) {
      if (node.id().equals(self)) {
        continue;
      }
      Long before = seen.put(node.id(), node.healings());
      if (before == null || node.healings() == before || node.lastHealing().isEmpty()) {
        continue; // first heard of, unchanged, or from a node that does not say
      }
      // A count that fell is a restarted node: everything it reports is new.
      long added = node.healings() > before ? node.healings() - before : node.healings();
      String more =
          added > 1 ? " (and " + (added - 1) + " more healing actions on " + node.id() + ")" : "";
      healing.add(new Healing(at, "instance " + node.id() + ": " + node.lastHealing() + more));
    }
    return healing;
  }
}
