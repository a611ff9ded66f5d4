package dev.joule.ocpp.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * OCPP dateTime values. Parsing is tolerant of what chargers send: with or without fractional
 * seconds (any number of digits, beyond nanoseconds truncated), with 'Z', an offset ({@code
 * +02:00}, {@code +0200}, {@code +02}) or no zone at all, which is read as UTC (OCPP 1.6 §3.13
 * requires UTC; chargers that omit the zone mean it). Seconds may be omitted. Output is always UTC
 * ISO-8601 with 'Z' and only as many fraction digits (0, 3, 6 or 9) as the value needs, so a value
 * survives a round trip unchanged.
 */
public final class DateTimes {
  private DateTimes() {}

  /** The instant written in {@code text}, or empty if it is not a date-time. */
  public static Optional<Instant> parse(String text) {
    try {
      return Optional.of(parseOrThrow(text));
    } catch (DateTimeException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  static Instant parseOrThrow(String s) {
    return parseOrThrow(s, 0, s.length());
  }

  /** Parses {@code s[from, to)}; throws DateTimeException or IndexOutOfBoundsException. */
  static Instant parseOrThrow(String s, int from, int n) {
    if (n - from < 16) {
      throw new DateTimeException("too short");
    }
    int year = digits(s, from, 4);
    expect(s, from + 4, '-');
    int month = digits(s, from + 5, 2);
    expect(s, from + 7, '-');
    int day = digits(s, from + 8, 2);
    char t = s.charAt(from + 10);
    if (t != 'T' && t != 't' && t != ' ') {
      throw new DateTimeException("expected 'T' at index 10");
    }
    int hour = digits(s, from + 11, 2);
    expect(s, from + 13, ':');
    int minute = digits(s, from + 14, 2);
    int i = from + 16;
    int second = 0;
    int nanos = 0;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, i + 1, 2);
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int start = ++i;
        int scale = 100_000_000;
        while (i < n && isDigit(s.charAt(i))) {
          nanos += (s.charAt(i) - '0') * scale;
          scale /= 10;
          i++;
        }
        if (i == start) {
          throw new DateTimeException("empty fraction");
        }
      }
    }
    int offsetSeconds = 0;
    if (i < n) {
      char z = s.charAt(i);
      if ((z == 'Z' || z == 'z') && i + 1 == n) {
        i++;
      } else if (z == '+' || z == '-') {
        int oh = digits(s, i + 1, 2);
        int om = 0;
        i += 3;
        boolean colon = i < n && s.charAt(i) == ':';
        if (colon) {
          i++;
        }
        if (colon || i < n) {
          om = digits(s, i, 2);
          i += 2;
        }
        if (om > 59 || oh * 60 + om > 18 * 60) {
          throw new DateTimeException("offset out of range");
        }
        offsetSeconds = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
      }
      if (i != n) {
        throw new DateTimeException("unexpected text at index " + i);
      }
    }
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("time out of range");
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long epochSecond = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** UTC ISO-8601, e.g. {@code 2026-11-24T10:15:30Z} or {@code 2026-11-24T10:15:30.250Z}. */
  public static String format(Instant instant) {
    long epochSecond = instant.getEpochSecond();
    long epochDay = Math.floorDiv(epochSecond, 86_400);
    int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return DateTimeFormatter.ISO_INSTANT.format(instant.atOffset(ZoneOffset.UTC));
    }
    char[] out = new char[30];
    put(out, 0, year, 4);
    out[4] = '-';
    put(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    put(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    put(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, secondOfDay % 60, 2);
    int len = 19;
    int nanos = instant.getNano();
    if (nanos != 0) {
      out[len++] = '.';
      if (nanos % 1_000_000 == 0) {
        put(out, len, nanos / 1_000_000, 3);
        len += 3;
      } else if (nanos % 1_000 == 0) {
        put(out, len, nanos / 1_000, 6);
        len += 6;
      } else {
        put(out, len, nanos, 9);
        len += 9;
      }
    }
    out[len++] = 'Z';
    return new String(out, 0, len);
  }

  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int digits(String s, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        throw new DateTimeException("expected a digit at index " + i);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static void expect(String s, int at, char c) {
    if (s.charAt(at) != c) {
      throw new DateTimeException("expected '" + c + "' at index " + at);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
