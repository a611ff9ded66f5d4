package dev.joule.domain.localauth;

import dev.joule.store.LocalListRepository.Change;
import dev.joule.store.LocalListRepository.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SendLocalList messages that bring a charger's local authorization list to the wanted one
 * (OCPP 1.6 §5.15). When Joule knows what the charger holds (the version it holds is the one Joule
 * recorded with its entries), only the differences go, as Differential updates: new or changed
 * entries with their idTagInfo, removed ones without (§5.15: an entry without idTagInfo is
 * deleted). Otherwise, or when forced (after Failed or VersionMismatch), the whole list goes as a
 * Full update. Each message carries at most {@code maxLength} entries (SendLocalListMaxLength): a
 * longer Full list is a Full with the first part and Differentials with the rest. Versions count up
 * from the charger's, one per message (a Differential must carry a higher version than the
 * charger's list, else VersionMismatch).
 */
public final class LocalListPlan {
  private LocalListPlan() {}

  /** One SendLocalList.req. */
  public record Message(boolean full, int version, List<Change> changes) {}

  public static List<Message> of(
      List<Entry> wanted,
      List<Entry> held,
      OptionalInt heldVersion,
      int chargerVersion,
      OptionalInt maxLength,
      boolean forceFull) {
    boolean known =
        !forceFull && heldVersion.isPresent() && heldVersion.getAsInt() == chargerVersion;
    List<Change> changes = known ? differences(wanted, held) : additions(wanted);
    if (known && changes.isEmpty()) {
      return List.of();
    }
    int size = Math.max(1, maxLength.orElse(Integer.MAX_VALUE));
    List<Message> messages = new ArrayList<>();
    int version = Math.max(0, chargerVersion);
    for (int from = 0; from < changes.size() || messages.isEmpty(); from += size) {
      List<Change> part = changes.subList(from, Math.min(changes.size(), from + size));
      messages.add(new Message(!known && messages.isEmpty(), ++version, List.copyOf(part)));
    }
    return List.copyOf(messages);
  }

  private static List<Change> additions(List<Entry> wanted) {
    return wanted.stream().map(e -> new Change(e.idTag(), Optional.of(e))).toList();
  }

  private static List<Change> differences(List<Entry> wanted, List<Entry> held) {
    Map<String, Entry> holding = new HashMap<>();
    held.forEach(e -> holding.put(key(e), e));
    List<Change> changes = new ArrayList<>();
    for (Entry entry : wanted) {
      Entry had = holding.remove(key(entry));
      if (!entry.equals(had)) { // new, or its info (or its spelling) changed
        changes.add(new Change(entry.idTag(), Optional.of(entry)));
      }
    }
    for (Entry gone : held) {
      if (holding.containsKey(key(gone))) {
        changes.add(new Change(gone.idTag(), Optional.empty()));
      }
    }
    return changes;
  }

  /** idTags compare case-insensitively (OCPP16-NOTES). */
  private static String key(Entry entry) {
    return entry.idTag().toLowerCase(Locale.ROOT);
  }
}
