package dev.joule.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins by source address (OWASP authentication cheat sheet, "login throttling"): after
 * {@link #MAX_FAILURES} wrong tokens from one address within {@link #WINDOW}, its logins are
 * refused until the oldest of them is a window old. A refused attempt is not checked and not
 * counted. API tokens are long random strings, so this is no guard against guessing one; it keeps a
 * script from trying tokens from a leaked list at the rate of the network. Addresses are the
 * connection's: behind a reverse proxy every operator shares the proxy's address (documented in
 * docs/console.md). Memory is bounded: at most {@link #ADDRESSES} addresses, the one that failed
 * least recently forgotten first. Thread-safe (logins arrive on every event loop).
 */
final class LoginThrottle {
  static final int MAX_FAILURES = 10;
  static final Duration WINDOW = Duration.ofMinutes(1);
  static final int ADDRESSES = 10_000;

  private final Clock clock;

  // Access order: the eldest entry is the address whose failures were touched least recently.
  private final Map<String, Deque<Instant>> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
          return size() > ADDRESSES;
        }
      };

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Empty when {@code address} may try a token now; otherwise how long until it may. */
  synchronized Optional<Duration> refusal(String address) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    forgetOld(times, now);
    if (times.isEmpty()) {
      failures.remove(address);
      return Optional.empty();
    }
    if (times.size() < MAX_FAILURES) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
  }

  /** A wrong token came from {@code address}. */
  synchronized void failed(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    forgetOld(times, now);
    times.addLast(now);
    while (times.size() > MAX_FAILURES) {
      times.removeFirst(); // the newest MAX_FAILURES decide
    }
  }

  private static void forgetOld(Deque<Instant> times, Instant now) {
    Instant start = now.minus(WINDOW);
    while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
      times.removeFirst();
    }
  }
}
