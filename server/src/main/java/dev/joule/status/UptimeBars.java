package dev.joule.status;

import java.util.Locale;

/**
 * A component's uptime as hosted status pages draw it: one bar per day, coloured by the day's worst
 * state (grey: no data), each with a tooltip; under it the period's uptime. Inline SVG, no script.
 */
final class UptimeBars {
  private static final int BAR = 6;
  private static final int GAP = 2;
  private static final int HEIGHT = 30;

  private UptimeBars() {}

  static void append(StringBuilder html, Uptime uptime) {
    int width = uptime.days().size() * (BAR + GAP) - GAP;
    html.append("<svg class=\"uptime\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(HEIGHT)
        .append("\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"uptime, ")
        .append(uptime.days().size())
        .append(" days\">");
    int x = 0;
    for (UptimeDay day : uptime.days()) {
      html.append("<rect class=\"day b-")
          .append(day.status())
          .append("\" x=\"")
          .append(x)
          .append("\" y=\"0\" width=\"")
          .append(BAR)
          .append("\" height=\"")
          .append(HEIGHT)
          .append("\" rx=\"1.5\"><title>")
          .append(day.date())
          .append(": ")
          .append(Html.escape(tooltip(day)))
          .append("</title></rect>");
      x += BAR + GAP;
    }
    html.append("</svg><div class=\"uptime-legend meta\"><span>")
        .append(uptime.days().size())
        .append(" days ago</span><span>")
        .append(uptime.percent() == null ? "no data" : percent(uptime.percent()) + " uptime")
        .append("</span><span>Today</span></div>");
  }

  static String tooltip(UptimeDay day) {
    if (day.uptimePercent() == null) {
      return "no data recorded";
    }
    StringBuilder text = new StringBuilder(percent(day.uptimePercent())).append(" uptime");
    if (day.majorOutageSeconds() > 0) {
      text.append(", major outage ").append(span(day.majorOutageSeconds()));
    }
    if (day.partialOutageSeconds() > 0) {
      text.append(", partial outage ").append(span(day.partialOutageSeconds()));
    }
    if (day.status().equals(ComponentState.DEGRADED_PERFORMANCE.wire())) {
      text.append(", degraded performance");
    }
    return text.toString();
  }

  /** Seconds for humans: {@code 40 s}, {@code 12 min 5 s}, {@code 3 h 2 min}. */
  static String span(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
    }
    return seconds / 3600
        + " h"
        + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
  }

  /** 100 % only when nothing was down: 99.996 shows as 99.99 %, not 100.00 %. */
  static String percent(double value) {
    double floored = Math.floor(value * 100) / 100;
    return String.format(Locale.ROOT, "%.2f %%", floored);
  }
}
