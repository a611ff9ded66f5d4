package dev.joule.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What heals a processor instance that stalled or went away: nothing it does itself (it may be
 * frozen), but its leases are extended only while it makes progress, so once they run out
 * (ack-wait) the stream delivers what it held to the live processors. The acting supervisor sees
 * the instance's row change; this turns that change into the incident's {@code identified} words.
 */
final class InstanceHealing {
  private InstanceHealing() {}

  /** One healing per processor node row that turned stalled or gone in {@code changes}. */
  static List<Healing> of(List<StatusStore.Change> changes, Instant at) {
    List<Healing> healing = new ArrayList<>();
    for (StatusStore.Change change : changes) {
      boolean down =
          change.state().equals(ComponentState.PARTIAL_OUTAGE.wire())
              || change.state().equals(ComponentState.MAJOR_OUTAGE.wire());
      if (down
          && !change.instance().isEmpty()
          && change.component().equals(Component.MESSAGE_PROCESSING.id())) {
        healing.add(
            new Healing(
                at,
                "instance "
                    + change.instance()
                    + " "
                    + withoutName(change.reason(), change.instance())
                    + "; its leases are no longer extended, so the messages it holds go to the"
                    + " live processors once they run out (ack-wait)"));
      }
    }
    return healing;
  }

  /** {@code gone: p1 (processor on vm): no heartbeat} without the name the text starts with. */
  static String withoutName(String reason, String instance) {
    int colon = reason.indexOf(": ");
    String named = ": " + instance + " (";
    int after = reason.indexOf("): ");
    if (colon > 0 && reason.startsWith(named, colon) && after > colon) {
      return reason.substring(0, colon) + ": " + reason.substring(after + 3);
    }
    return reason;
  }
}
