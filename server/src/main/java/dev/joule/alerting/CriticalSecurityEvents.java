package dev.joule.alerting;

import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The security events this node's processors recorded, for the ChargerSecurityEvent rule (the
 * critical ones of the last minute, in words) and the metrics (totals by criticality). Fed from the
 * processors' committed events in {@code app}; thread-safe.
 */
public final class CriticalSecurityEvents {
  /** Kept in words for the alert text; more in one minute are counted but not named. */
  static final int NAMED = 20;

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private record Seen(Instant at, String text) {}

  private final Deque<Seen> recent = new ArrayDeque<>();
  private final AtomicLong critical = new AtomicLong();
  private final AtomicLong other = new AtomicLong();

  /** {@code next}, recording the security events that pass through it first. */
  public EventSink watching(EventSink next) {
    return event -> {
      if (event instanceof ChargerEvent.SecurityEventReceived security) {
        record(security);
      }
      next.publish(event);
    };
  }

  public void record(ChargerEvent.SecurityEventReceived event) {
    if (!event.critical()) {
      other.incrementAndGet();
      return;
    }
    critical.incrementAndGet();
    String text =
        event.chargerId()
            + " "
            + event.securityEventType()
            + event.techInfo().map(info -> " (" + info + ")").orElse("");
    synchronized (recent) {
      recent.addLast(new Seen(event.at(), text));
      while (recent.size() > NAMED) {
        recent.removeFirst();
      }
    }
  }

  /** The critical events recorded in the minute before {@code now}, oldest first, in words. */
  public List<String> lastMinute(Instant now) {
    Instant from = now.minus(WINDOW);
    List<String> texts = new ArrayList<>();
    synchronized (recent) {
      while (!recent.isEmpty() && recent.peekFirst().at().isBefore(from)) {
        recent.removeFirst();
      }
      recent.forEach(seen -> texts.add(seen.text()));
    }
    return texts;
  }

  /** Critical security events recorded since start. */
  public long critical() {
    return critical.get();
  }

  /** Other (not critical, or unknown type) security events recorded since start. */
  public long other() {
    return other.get();
  }
}
