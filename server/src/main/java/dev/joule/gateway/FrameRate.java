package dev.joule.gateway;

/**
 * Counts one connection's text frames in one-second windows. Used on the connection's event loop
 * only, so it needs no synchronisation.
 */
final class FrameRate {
  /** What to do with a frame. */
  enum Verdict {
    PASS,
    /** Over the limit: a CALL is answered with a CALLERROR and not processed. */
    REFUSE,
    /** Over twice the limit: persistent abuse, the connection is closed (1008). */
    CLOSE
  }

  private static final long WINDOW_NANOS = 1_000_000_000L;

  private final int limit;
  private long windowStart;
  private int inWindow;

  /** {@code limit} frames per second; 0 lets every frame pass. */
  FrameRate(int limit, long nowNanos) {
    this.limit = limit;
    this.windowStart = nowNanos;
  }

  Verdict count(long nowNanos) {
    if (limit == 0) {
      return Verdict.PASS;
    }
    if (nowNanos - windowStart >= WINDOW_NANOS) {
      windowStart = nowNanos;
      inWindow = 0;
    }
    inWindow++;
    if (inWindow <= limit) {
      return Verdict.PASS;
    }
    return inWindow <= 2 * limit ? Verdict.REFUSE : Verdict.CLOSE;
  }

  int limit() {
    return limit;
  }
}
