package dev.joule.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A component's uptime over the last {@code days} days, from its recorded state changes and the
 * stretches during which status was recorded at all ({@code status_coverage}). Time outside every
 * stretch is no data, neither up nor down. Like hosted status pages, a partial outage counts 30 %
 * as downtime, a major outage 100 %, degraded performance as up.
 *
 * @param percent over every recorded second of the period; null without data
 * @param days oldest first, the last one is today (so far)
 */
public record Uptime(Double percent, List<UptimeDay> days) {
  static final int DAYS = 90;
  private static final double PARTIAL_WEIGHT = 0.3;
  private static final long DAY = 86_400;

  public Uptime {
    days = List.copyOf(days);
  }

  /** A state from {@code at} (epoch second) on. */
  record Change(long at, ComponentState state) {}

  /** Status was recorded over [{@code from}, {@code to}) (epoch seconds). */
  record Stretch(long from, long to) {}

  /**
   * @param changes the component's changes, any order, including the last one before the period
   * @param recorded the stretches, any order, overlapping allowed
   * @param now epoch second; the period is the {@code days} UTC days up to and including its own
   */
  static Uptime of(List<Change> changes, List<Stretch> recorded, long now, int days) {
    LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(now, DAY));
    LocalDate first = today.minusDays(days - 1);
    long start = first.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long[][] seconds = new long[days][ComponentState.values().length];
    List<Change> sorted = changes.stream().sorted(Comparator.comparingLong(Change::at)).toList();
    for (Stretch stretch : merged(recorded)) {
      long from = Math.max(stretch.from(), start);
      long to = Math.min(stretch.to(), now);
      for (int i = 0; i < sorted.size() && from < to; i++) {
        long segmentEnd = i + 1 < sorted.size() ? sorted.get(i + 1).at() : Long.MAX_VALUE;
        long a = Math.max(from, sorted.get(i).at());
        long b = Math.min(to, segmentEnd);
        if (a < b) {
          add(seconds, start, a, b, sorted.get(i).state());
        }
      }
    }
    List<UptimeDay> out = new ArrayList<>(days);
    long recordedTotal = 0;
    double downTotal = 0;
    for (int d = 0; d < days; d++) {
      long[] byState = seconds[d];
      long recordedDay = 0;
      ComponentState worst = ComponentState.OPERATIONAL;
      for (ComponentState state : ComponentState.values()) {
        recordedDay += byState[state.ordinal()];
        if (byState[state.ordinal()] > 0) {
          worst = worst.worse(state);
        }
      }
      long partial = byState[ComponentState.PARTIAL_OUTAGE.ordinal()];
      long major = byState[ComponentState.MAJOR_OUTAGE.ordinal()];
      double down = major + PARTIAL_WEIGHT * partial;
      recordedTotal += recordedDay;
      downTotal += down;
      out.add(
          new UptimeDay(
              first.plusDays(d),
              recordedDay == 0 ? UptimeDay.NO_DATA : worst.wire(),
              recordedDay,
              partial,
              major,
              recordedDay == 0 ? null : percent(recordedDay, down)));
    }
    return new Uptime(recordedTotal == 0 ? null : percent(recordedTotal, downTotal), out);
  }

  private static double percent(long recorded, double down) {
    return 100.0 * (recorded - down) / recorded;
  }

  /** Adds [{@code a}, {@code b}) in {@code state} to the days it spans. */
  private static void add(long[][] seconds, long start, long a, long b, ComponentState state) {
    while (a < b) {
      int day = (int) ((a - start) / DAY);
      long dayEnd = start + (day + 1) * DAY;
      long end = Math.min(b, dayEnd);
      seconds[day][state.ordinal()] += end - a;
      a = end;
    }
  }

  /** The stretches' union, sorted, without overlaps. */
  private static List<Stretch> merged(List<Stretch> stretches) {
    List<Stretch> sorted =
        stretches.stream().sorted(Comparator.comparingLong(Stretch::from)).toList();
    List<Stretch> merged = new ArrayList<>();
    for (Stretch s : sorted) {
      if (!merged.isEmpty() && s.from() <= merged.getLast().to()) {
        Stretch last = merged.removeLast();
        merged.add(new Stretch(last.from(), Math.max(last.to(), s.to())));
      } else if (s.from() < s.to()) {
        merged.add(s);
      }
    }
    return merged;
  }
}
