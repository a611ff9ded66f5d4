package dev.joule.api;

import java.util.List;

/** A row read for a page: the item the client sees and the sort key its cursor would carry. */
record Keyed<T>(T item, List<String> key) {
  Keyed {
    key = List.copyOf(key);
  }
}
