package dev.joule.status;

import java.util.Locale;

/**
 * The y scale of Joule's server-rendered charts (the status page's incident panels, the console's
 * meter chart): from 0 to a round number at or above the largest value, labelled briefly.
 */
public final class ChartScale {
  private ChartScale() {}

  /** The smallest 1, 2 or 5 × 10^k at or above {@code max} (at least 1). */
  public static double roundUp(double max) {
    if (max <= 1) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 5}) {
      if (m * magnitude >= max) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /** A whole number without decimals, else one decimal. */
  public static String label(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
