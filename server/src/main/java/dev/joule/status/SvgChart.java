package dev.joule.status;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One panel of the incident chart as inline SVG: lines over time (a {@code NaN} value leaves a
 * gap), the incident's span shaded, each update in the range a dashed vertical line labelled with
 * its status. Scales are fixed by the data: y from 0 to a round number at or above the largest
 * value.
 */
final class SvgChart {
  static final int WIDTH = 720;
  static final int HEIGHT = 180;
  private static final int LEFT = 52;
  private static final int RIGHT = 10;
  private static final int TOP = 48;
  private static final int BOTTOM = 22;
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private SvgChart() {}

  /** A series; {@code cssClass} colours it. */
  record Line(String label, String cssClass, double[] values) {}

  /** A moment to mark, e.g. an incident update. */
  record Marker(long second, String label) {}

  /**
   * @param seconds each point's first second
   * @param width seconds per point
   * @param shadeFrom first second of the shaded span (the incident)
   * @param shadeTo its last second
   */
  static void panel(
      StringBuilder svg,
      String title,
      String unit,
      long[] seconds,
      int width,
      List<Line> lines,
      List<Marker> markers,
      long shadeFrom,
      long shadeTo) {
    long x0 = seconds[0];
    long x1 = seconds[seconds.length - 1] + width;
    double max = 0;
    for (Line line : lines) {
      for (double v : line.values()) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    double top = ChartScale.roundUp(max);
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(title))
        .append("\"><text class=\"title\" x=\"")
        .append(LEFT)
        .append("\" y=\"12\">")
        .append(Html.escape(title))
        .append(unit.isEmpty() ? "" : " (" + Html.escape(unit) + ")")
        .append("</text>");
    double sx = x(Math.clamp(shadeFrom, x0, x1), x0, x1);
    double ex = x(Math.clamp(shadeTo, x0, x1), x0, x1);
    svg.append("<rect class=\"span\" x=\"")
        .append(fmt(sx))
        .append("\" y=\"")
        .append(TOP)
        .append("\" width=\"")
        .append(fmt(Math.max(0, ex - sx)))
        .append("\" height=\"")
        .append(HEIGHT - TOP - BOTTOM)
        .append("\"/>");
    for (double fraction : new double[] {0, 0.5, 1}) {
      double y = y(top * fraction, top);
      svg.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(fmt(y))
          .append("\" y2=\"")
          .append(fmt(y))
          .append("\"/><text class=\"axis\" x=\"")
          .append(LEFT - 4)
          .append("\" y=\"")
          .append(fmt(y + 3))
          .append("\" text-anchor=\"end\">")
          .append(ChartScale.label(top * fraction))
          .append("</text>");
    }
    for (long at : new long[] {x0, (x0 + x1) / 2, x1}) {
      svg.append("<text class=\"axis\" x=\"")
          .append(fmt(x(at, x0, x1)))
          .append("\" y=\"")
          .append(HEIGHT - 6)
          .append("\" text-anchor=\"")
          .append(at == x0 ? "start" : at == x1 ? "end" : "middle")
          .append("\">")
          .append(CLOCK.format(Instant.ofEpochSecond(at)))
          .append("</text>");
    }
    List<Marker> shown =
        markers.stream().filter(m -> m.second() >= x0 && m.second() <= x1).toList();
    for (int i = 0; i < shown.size(); i++) {
      Marker marker = shown.get(i);
      double x = x(marker.second(), x0, x1);
      svg.append("<line class=\"marker\" x1=\"")
          .append(fmt(x))
          .append("\" x2=\"")
          .append(fmt(x))
          .append("\" y1=\"")
          .append(TOP - 6 - 9 * (i % 4))
          .append("\" y2=\"")
          .append(HEIGHT - BOTTOM)
          .append("\"><title>")
          .append(Html.escape(marker.label()))
          .append(' ')
          .append(CLOCK.format(Instant.ofEpochSecond(marker.second())))
          .append("</title></line><text class=\"marker\" x=\"")
          .append(fmt(x > WIDTH / 2.0 ? x - 2 : x + 2))
          .append("\" y=\"")
          .append(TOP - 7 - 9 * (i % 4))
          .append(x > WIDTH / 2.0 ? "\" text-anchor=\"end" : "")
          .append("\">")
          .append(Html.escape(marker.label()))
          .append("</text>");
    }
    for (Line line : lines) {
      svg.append("<path class=\"")
          .append(line.cssClass())
          .append("\" d=\"")
          .append(path(line.values(), seconds, width, x0, x1, top))
          .append("\"><title>")
          .append(Html.escape(line.label()))
          .append("</title></path>");
    }
    svg.append("</svg>\n<div class=\"legend meta\">");
    for (Line line : lines) {
      svg.append("<span class=\"key ")
          .append(line.cssClass())
          .append("\"></span>")
          .append(Html.escape(line.label()))
          .append(' ');
    }
    svg.append("</div>\n");
  }

  private static String path(
      double[] values, long[] seconds, int width, long x0, long x1, double top) {
    StringBuilder d = new StringBuilder(values.length * 14);
    boolean drawing = false;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        drawing = false;
        continue;
      }
      double x = x(seconds[i] + width / 2.0, x0, x1);
      d.append(drawing ? " L" : (d.isEmpty() ? "M" : " M"))
          .append(fmt(x))
          .append(' ')
          .append(fmt(y(values[i], top)));
      drawing = true;
    }
    return d.toString();
  }

  private static double x(double second, long x0, long x1) {
    return LEFT + (second - x0) * (WIDTH - LEFT - RIGHT) / Math.max(1, x1 - x0);
  }

  private static double y(double value, double top) {
    return HEIGHT - BOTTOM - value * (HEIGHT - TOP - BOTTOM) / top;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
