package dev.joule.status;

import java.time.LocalDate;

/**
 * One day (UTC) of a component's uptime bar.
 *
 * @param status the worst state recorded that day, or {@link #NO_DATA} when nothing was recorded
 * @param recordedSeconds seconds of the day during which status was recorded
 * @param uptimePercent 100 × (recorded − major outage − 0.3 × partial outage) / recorded; null
 *     without data
 */
public record UptimeDay(
    LocalDate date,
    String status,
    long recordedSeconds,
    long partialOutageSeconds,
    long majorOutageSeconds,
    Double uptimePercent) {
  public static final String NO_DATA = "no_data";
}
