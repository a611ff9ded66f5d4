package dev.joule.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling; never a fixed sleep. */
final class Await {
  private static final Duration DEFAULT = Duration.ofSeconds(10);

  private Await() {}

  static void until(BooleanSupplier condition) {
    until(condition, DEFAULT);
  }

  /** For what takes long on a loaded machine without being wrong, e.g. a child JVM starting. */
  static void until(BooleanSupplier condition, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + limit.toSeconds() + " s");
      }
      try {
        Thread.sleep(20); // polling interval, not a wait for the condition itself
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
