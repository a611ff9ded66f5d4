package dev.joule.ocpp.json;

import java.util.Arrays;
import java.util.Map;

/**
 * Finds a value by a name written in the JSON text, straight from the text's characters, without
 * making a String: a MeterValues frame carries about a hundred field names and enum values, and
 * allocating and hashing a String for each was the largest cost of decoding it. The hash reads only
 * the length and three characters (names of one table differ there, and a collision costs only one
 * more comparison); the comparison is the JDK's vectorised {@code Arrays.equals}.
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

  /** The value named by {@code chars[from, from + length)}, or null. */
  @SuppressWarnings("unchecked")
  T find(char[] chars, int from, int length) {
    int i = hash(chars, from, length) & mask;
    char[] key;
    while ((key = keys[i]) != null) {
      if (key.length == length && Arrays.equals(key, 0, length, chars, from, from + length)) {
        return (T) values[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  T get(String name) {
    char[] chars = name.toCharArray();
    return find(chars, 0, chars.length);
  }

  private static int hash(char[] chars, int from, int length) {
    if (length == 0) {
      return 0;
    }
    int h = length * 0x9E3779B1;
    h = 31 * h + chars[from];
    h = 31 * h + chars[from + (length >> 1)];
    h = 31 * h + chars[from + length - 1];
    return h ^ (h >>> 15);
  }
}
