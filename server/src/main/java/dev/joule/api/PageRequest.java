package dev.joule.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Which page of a list a client asked for: at most {@code limit} items after the item whose sort
 * key is {@code after} (empty for the first page).
 *
 * @param list the list's name, carried in its cursors
 * @param limit how many items, 1 to {@link #MAX_LIMIT}
 * @param after the sort key the page starts after, as its cursor carried it
 */
record PageRequest(String list, int limit, List<String> after) {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  PageRequest {
    after = List.copyOf(after);
  }

  boolean isFirst() {
    return after.isEmpty();
  }

  String afterText(int part) {
    return after.get(part);
  }

  Instant afterInstant(int part) {
    try {
      return Instant.parse(after.get(part));
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter("cursor", "not a cursor of this list");
    }
  }

  long afterNumber(int part) {
    try {
      return Long.parseLong(after.get(part));
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("cursor", "not a cursor of this list");
    }
  }

  /**
   * The page made of {@code rows}, which the query fetched with a limit of {@code limit + 1}: one
   * row more than asked tells that a next page exists.
   */
  <T> Page<T> page(List<T> rows, Function<T, List<String>> sortKey) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), null);
    }
    List<T> items = new ArrayList<>(rows.subList(0, limit));
    String next = Cursor.encode(list, sortKey.apply(items.getLast()));
    return new Page<>(List.copyOf(items), next);
  }

  /** Same as {@link #page(List, Function)}, keeping only the items of keyed rows. */
  <T> Page<T> pageOfKeyed(List<Keyed<T>> rows) {
    Page<Keyed<T>> keyed = page(rows, Keyed::key);
    return new Page<>(keyed.items().stream().map(Keyed::item).toList(), keyed.next());
  }
}
