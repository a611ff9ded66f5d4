package dev.joule.bus;

import java.time.Duration;

/**
 * A snapshot of an inbox's progress signals.
 *
 * @param deadLettered messages set aside after max-deliver deliveries (poison), by this process
 */
public record InboxStats(
    long published,
    long acked,
    long redelivered,
    int waiting,
    int leased,
    Duration oldestWaiting,
    long deadLettered) {

  /** Stats of an inbox that never sets a message aside. */
  public InboxStats(
      long published, long acked, long redelivered, int waiting, int leased, Duration oldest) {
    this(published, acked, redelivered, waiting, leased, oldest, 0);
  }
}
