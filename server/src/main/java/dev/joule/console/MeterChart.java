package dev.joule.console;

import dev.joule.api.MeterSeries;
import dev.joule.status.ChartScale;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A running transaction's energy and power as two SVG line panels. Java computes the coordinates;
 * the template draws them, so every value still passes Mustache's escaping. Time runs from the
 * first sample to the last on x; y from 0 to a round number at or above the largest value ({@link
 * ChartScale}, as on the status page's charts).
 */
final class MeterChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 150;
  private static final int LEFT = 48;
  private static final int RIGHT = 8;
  private static final int TOP = 22;
  private static final int BOTTOM = 20;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private MeterChart() {}

  /**
   * One panel.
   *
   * @param points the SVG polyline's points, empty when there is no sample
   * @param latest the newest value with its unit
   */
  record Panel(
      String css,
      String title,
      String points,
      String top,
      String middle,
      String from,
      String to,
      String latest,
      int count,
      boolean empty) {}

  static List<Panel> of(MeterSeries series) {
    return List.of(
        panel("energy", "Energy (kWh)", series.energyWh(), 1000, "%.3f kWh"),
        panel("power", "Power (kW)", series.powerW(), 1000, "%.1f kW"));
  }

  /** {@code divisor} turns the series' unit into the panel's (Wh to kWh, W to kW). */
  private static Panel panel(
      String css, String title, List<MeterSeries.Point> points, double divisor, String format) {
    if (points.isEmpty()) {
      return new Panel(css, title, "", "", "", "", "", "no sample yet", 0, true);
    }
    Instant first = points.getFirst().at();
    Instant last = points.getLast().at();
    double span = Math.max(1, last.getEpochSecond() - first.getEpochSecond());
    double max = points.stream().mapToDouble(p -> p.value() / divisor).max().orElse(0);
    double top = ChartScale.roundUp(max);
    String drawn =
        points.stream()
            .map(
                p ->
                    fmt(
                            LEFT
                                + (p.at().getEpochSecond() - first.getEpochSecond())
                                    / span
                                    * plotWidth())
                        + ","
                        + fmt(y(Math.max(0, p.value() / divisor), top)))
            .collect(Collectors.joining(" "));
    return new Panel(
        css,
        title,
        drawn,
        ChartScale.label(top),
        ChartScale.label(top / 2),
        CLOCK.format(first),
        CLOCK.format(last),
        String.format(Locale.ROOT, format, points.getLast().value() / divisor),
        points.size(),
        false);
  }

  private static double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  private static double y(double value, double top) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
