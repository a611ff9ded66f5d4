package dev.joule.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Handshakes refused by authentication, per reason, since start (thread-safe). */
public final class AuthFailures {
  private final Map<FailureReason, LongAdder> counts = new EnumMap<>(FailureReason.class);

  public AuthFailures() {
    for (FailureReason reason : FailureReason.values()) {
      counts.put(reason, new LongAdder());
    }
  }

  void count(FailureReason reason) {
    counts.get(reason).increment();
  }

  public long of(FailureReason reason) {
    return counts.get(reason).sum();
  }

  public long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
