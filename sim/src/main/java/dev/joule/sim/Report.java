package dev.joule.sim;

import java.time.Instant;
import java.util.Locale;

/** A {@link Summary} as text for a terminal and as JSON for scripts. */
final class Report {
  private Report() {}

  static String text(Summary s) {
    StringBuilder out = new StringBuilder();
    Summary.Connections c = s.connections();
    out.append(
        format(
            "joule-sim: %d chargers -> %s; ramp %s s, steady %s s, %s%n",
            s.chargers(),
            s.url(),
            seconds(s.rampSeconds()),
            seconds(s.steadySeconds()),
            s.targetRate() == 0
                ? "as fast as one outstanding CALL per charger allows"
                : format("target %.0f CALLs/s", s.targetRate())));
    out.append(
        format(
            "connections: %d attempted, %d opened, %d failed, %d dropped, %d open at the end%n",
            c.attempted(), c.opened(), c.failed(), c.dropped(), c.openAtEnd()));
    out.append(
        format(
            "booted: %d of %d%s%n",
            c.booted(),
            s.chargers(),
            c.allBootedSeconds() < 0
                ? ""
                : format(", all within %.3f s of the start", c.allBootedSeconds())));
    Summary.Latency steady = s.steadyLatency();
    out.append(
        format(
            "steady phase: %d answers in %s s = %.1f msg/s; latency p50 %s, p90 %s, p99 %s,"
                + " max %s ms%n",
            s.steadyAnswers(),
            seconds(s.steadySeconds()),
            s.steadyRate(),
            ms(steady.p50()),
            ms(steady.p90()),
            ms(steady.p99()),
            ms(steady.max())));
    out.append("per action over the whole run (ramp, steady phase, drain):\n");
    out.append(
        format(
            "%-20s %10s %10s %10s %9s %7s %8s %9s %9s %9s %9s%n",
            "action",
            "sent",
            "results",
            "callerrors",
            "timeouts",
            "lost",
            "invalid",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms"));
    for (Summary.ActionResult a : s.actions()) {
      row(out, a);
    }
    row(out, s.total());
    out.append(
        format(
            "central system CALLs: %d, answered with a CALLERROR: %d; unmatched frames: %d%n",
            s.inboundCalls(), s.inboundRefused(), s.unmatchedFrames()));
    Summary.Delayed d = s.delayed();
    out.append(
        format(
            "answered later than %d ms%s: %d CALLs, from %d chargers%n",
            d.thresholdNanos() / 1_000_000,
            d.from().equals(Instant.EPOCH) ? "" : " (received from " + d.from() + " on)",
            d.calls(),
            d.chargers()));
    return out.toString();
  }

  private static void row(StringBuilder out, Summary.ActionResult a) {
    Summary.Latency l = a.latency();
    out.append(
        format(
            "%-20s %10d %10d %10d %9d %7d %8d %9s %9s %9s %9s%n",
            a.action(),
            a.sent(),
            a.results(),
            a.callErrors(),
            a.timeouts(),
            a.lost(),
            a.invalid(),
            ms(l.p50()),
            ms(l.p90()),
            ms(l.p99()),
            ms(l.max())));
  }

  /** The same figures as {@link #text}, latencies in milliseconds. */
  static String json(Summary s) {
    Summary.Connections c = s.connections();
    StringBuilder out = new StringBuilder(2048);
    out.append("{\n");
    out.append("  \"url\": ").append(quote(s.url())).append(",\n");
    out.append("  \"chargers\": ").append(s.chargers()).append(",\n");
    out.append("  \"rampSeconds\": ").append(number(s.rampSeconds())).append(",\n");
    out.append("  \"steadySeconds\": ").append(number(s.steadySeconds())).append(",\n");
    out.append("  \"targetRate\": ").append(number(s.targetRate())).append(",\n");
    out.append(
        format(
            "  \"connections\": {\"attempted\": %d, \"opened\": %d, \"failed\": %d,"
                + " \"dropped\": %d, \"openAtEnd\": %d, \"booted\": %d,"
                + " \"allBootedSeconds\": %s},%n",
            c.attempted(),
            c.opened(),
            c.failed(),
            c.dropped(),
            c.openAtEnd(),
            c.booted(),
            c.allBootedSeconds() < 0 ? "null" : number(c.allBootedSeconds())));
    out.append(
        format(
            "  \"steady\": {\"answers\": %d, \"msgPerSecond\": %s, \"latencyMs\": %s},%n",
            s.steadyAnswers(), number(s.steadyRate()), latency(s.steadyLatency())));
    out.append("  \"actions\": [");
    String separator = "\n";
    for (Summary.ActionResult a : s.actions()) {
      out.append(separator).append("    ").append(action(a));
      separator = ",\n";
    }
    out.append("\n  ],\n");
    out.append("  \"total\": ").append(action(s.total())).append(",\n");
    out.append("  \"inboundCalls\": ").append(s.inboundCalls()).append(",\n");
    out.append("  \"inboundRefused\": ").append(s.inboundRefused()).append(",\n");
    out.append("  \"unmatchedFrames\": ").append(s.unmatchedFrames()).append(",\n");
    Summary.Delayed d = s.delayed();
    out.append(
        format(
            "  \"delayed\": {\"thresholdMs\": %s, \"from\": %s, \"calls\": %d, \"chargers\": %d}%n",
            ms(d.thresholdNanos()),
            d.from().equals(Instant.EPOCH) ? "null" : quote(d.from().toString()),
            d.calls(),
            d.chargers()));
    return out.append("}\n").toString();
  }

  private static String action(Summary.ActionResult a) {
    return format(
        "{\"action\": %s, \"sent\": %d, \"results\": %d, \"callErrors\": %d, \"timeouts\": %d,"
            + " \"lost\": %d, \"invalid\": %d, \"latencyMs\": %s}",
        quote(a.action()),
        a.sent(),
        a.results(),
        a.callErrors(),
        a.timeouts(),
        a.lost(),
        a.invalid(),
        latency(a.latency()));
  }

  private static String latency(Summary.Latency l) {
    return format(
        "{\"count\": %d, \"p50\": %s, \"p90\": %s, \"p99\": %s, \"max\": %s, \"mean\": %s}",
        l.count(), ms(l.p50()), ms(l.p90()), ms(l.p99()), ms(l.max()), ms(l.mean()));
  }

  /** Milliseconds with three decimals (microsecond resolution). */
  static String ms(double nanos) {
    return format("%.3f", nanos / 1e6);
  }

  private static String seconds(double seconds) {
    return number(seconds);
  }

  /** A JSON number: integral values without a fraction, others with up to three decimals. */
  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return format("%.3f", value);
  }

  /** A JSON string. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (ch < 0x20) {
            out.append(format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
