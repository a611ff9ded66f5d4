package dev.joule.ocpp.json;

import java.util.Map;

/**
 * Finds a value by a name written in the JSON text, straight from the text's characters and a hash
 * computed while scanning them, without making a String: a MeterValues frame carries about a
 * hundred field names and enum values, and allocating and hashing a String for each was the largest
 * cost of decoding it.
 */
final class NameTable<T> {
  private final char[][] keys;
  private final Object[] values;
  private final int mask;

  NameTable(Map<String, T> entries) {
    int size = Integer.highestOneBit(Math.max(4, entries.size() * 4) - 1) << 1;
    keys = new char[size][];
    values = new Object[size];
    mask = size - 1;
    entries.forEach(
        (key, value) -> {
          char[] k = key.toCharArray();
          int i = hash(k, 0, k.length) & mask;
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = k;
          values[i] = value;
        });
  }

  /** The value named by {@code chars[from, from + length)} whose {@link #hash} is {@code hash}. */
  @SuppressWarnings("unchecked")
  T find(char[] chars, int from, int length, int hash) {
    int i = hash & mask;
    char[] key;
    while ((key = keys[i]) != null) {
      if (key.length == length && same(key, chars, from)) {
        return (T) values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  T get(String name) {
    char[] chars = name.toCharArray();
    return find(chars, 0, chars.length, hash(chars, 0, chars.length));
  }

  static int hash(char[] chars, int from, int length) {
    int h = 0;
    for (int j = from; j < from + length; j++) {
      h = 31 * h + chars[j];
    }
    return finish(h, length);
  }

  /** Completes a hash accumulated as {@code h = 31 * h + c} over the characters. */
  static int finish(int h, int length) {
    h += length;
    return h ^ (h >>> 16);
  }

  private static boolean same(char[] key, char[] chars, int from) {
    for (int j = 0; j < key.length; j++) {
      if (key[j] != chars[from + j]) {
        return false;
      }
    }
    return true;
  }
}
