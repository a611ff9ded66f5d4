package dev.joule.gateway;

import java.util.concurrent.ConcurrentHashMap;

/**
 * WebSocket handshakes per source address in one-second windows, shared by every event loop. An
 * address that opened more than the limit in its current window is refused until the window ends.
 * Windows older than a second are dropped once the map holds many addresses, so a scan from many
 * addresses costs bounded memory.
 */
final class HandshakeRate {
  private static final long WINDOW_NANOS = 1_000_000_000L;
  private static final int PRUNE_ABOVE = 10_000;

  private record Window(long start, int count) {}

  private final int limit;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /** {@code limit} handshakes per second per address; 0 allows every handshake. */
  HandshakeRate(int limit) {
    this.limit = limit;
  }

  boolean allow(String address, long nowNanos) {
    if (limit == 0) {
      return true;
    }
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> nowNanos - w.start() >= WINDOW_NANOS);
    }
    Window window =
        windows.compute(
            address,
            (key, w) ->
                w == null || nowNanos - w.start() >= WINDOW_NANOS
                    ? new Window(nowNanos, 1)
                    : new Window(w.start(), w.count() + 1));
    return window.count() <= limit;
  }
}
