package dev.joule.domain.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events of the last {@code retention} (at most {@code capacity} of them), in memory, for the
 * events stream and for clients that reconnect with {@code Last-Event-ID}. One per process: this is
 * the embedded single-process mode's event bus; a scaled-out deployment needs a shared one.
 *
 * <p>Readers pull: they keep their own position and ask for what follows it, so a slow reader holds
 * no copies and costs the publishers nothing. A reader whose position was dropped (older than the
 * retention, or pushed out by the capacity) is told so ({@link Batch#gap()}).
 *
 * <p>Ids grow by one per event and start from the wall clock in microseconds, so ids of a later
 * process are above every id of an earlier one: a client that reconnects after a restart is told
 * that it missed events rather than silently given a wrong position.
 */
public final class RecentEvents implements EventSink {
  /** An event with its stream id and the moment it was published. */
  public record Stored(long id, Instant publishedAt, ChargerEvent event) {}

  /**
   * Events after a position, oldest first. {@code gap}: events after the position asked for were
   * dropped before it could read them (or the position is not one of this process). {@code last}:
   * the id of the newest event retained, to measure how far behind a reader is.
   */
  public record Batch(List<Stored> events, boolean gap, long last) {}

  private final Clock clock;
  private final Duration retention;
  private final Stored[] ring;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private long first; // id of the oldest retained event; first > last when none is retained
  private long last;

  public RecentEvents(Clock clock, Duration retention, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.clock = clock;
    this.retention = retention;
    this.ring = new Stored[capacity];
    this.last = clock.millis() * 1000;
    this.first = last + 1;
  }

  @Override
  public void publish(ChargerEvent event) {
    synchronized (this) {
      Instant now = clock.instant();
      evictOlderThan(now.minus(retention));
      if (last - first + 1 == ring.length) {
        drop();
      }
      last++;
      ring[slot(last)] = new Stored(last, now, event);
    }
    for (Runnable listener : listeners) {
      listener.run();
    }
  }

  /**
   * The id of the newest event published so far (the position of a reader that wants only news).
   */
  public synchronized long last() {
    return last;
  }

  /** Up to {@code max} retained events with ids above {@code afterId}, oldest first. */
  public synchronized Batch after(long afterId, int max) {
    evictOlderThan(clock.instant().minus(retention));
    boolean gap = afterId < first - 1 || afterId > last;
    long from = gap ? first : afterId + 1;
    List<Stored> events = new ArrayList<>((int) Math.min(max, Math.max(0, last - from + 1)));
    for (long id = from; id <= last && events.size() < max; id++) {
      events.add(ring[slot(id)]);
    }
    return new Batch(events, gap, last);
  }

  /**
   * Calls {@code listener} after every publish, on the publisher's thread: it must only schedule
   * work, never do it. Closing the returned handle removes it.
   */
  public AutoCloseable listen(Runnable listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void evictOlderThan(Instant limit) {
    while (first <= last && ring[slot(first)].publishedAt().isBefore(limit)) {
      drop();
    }
  }

  private void drop() {
    ring[slot(first)] = null;
    first++;
  }

  private int slot(long id) {
    return (int) Math.floorMod(id, (long) ring.length);
  }
}
