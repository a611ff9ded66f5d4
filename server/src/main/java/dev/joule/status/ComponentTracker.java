package dev.joule.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remembers each component's (and node row's) last state and tells which changed: only changes are
 * stored. Seeded from the database so that a restart does not record every state again. Recorder
 * thread only.
 */
final class ComponentTracker {
  private final Map<String, String> last = new HashMap<>();
  private List<Judged> current = List.of();

  /** What the database had last, {@link StatusStore#latestStates} ({@code left} rows dropped). */
  void seed(Map<String, StatusStore.Latest> latest) {
    last.clear();
    latest.forEach(
        (key, row) -> {
          if (!row.state().equals(StatusStore.Change.LEFT)) {
            last.put(key, row.state());
          }
        });
  }

  /** The changes {@code judged} makes; afterwards it is what {@link #current()} answers. */
  List<StatusStore.Change> changes(List<Judged> judged) {
    List<StatusStore.Change> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Judged j : judged) {
      seen.add(j.key());
      String state = j.state().wire();
      if (!state.equals(last.put(j.key(), state))) {
        changes.add(new StatusStore.Change(j.component().id(), j.instance(), state, j.reason()));
      }
    }
    for (var it = last.entrySet().iterator(); it.hasNext(); ) {
      String key = it.next().getKey();
      if (!seen.contains(key)) {
        it.remove();
        int slash = key.indexOf('/');
        changes.add(
            new StatusStore.Change(
                key.substring(0, slash),
                key.substring(slash + 1),
                StatusStore.Change.LEFT,
                "left the cluster"));
      }
    }
    current = List.copyOf(judged);
    return changes;
  }

  /** The latest judgement. */
  List<Judged> current() {
    return current;
  }
}
