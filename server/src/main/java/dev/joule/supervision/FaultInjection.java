package dev.joule.supervision;

import dev.joule.processing.FaultPoint;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults an operator can inject to rehearse the incident (only with {@code fault-injection}):
 * workers that hang while holding their leased messages, and a slow database.
 *
 * <p>A hang targets the workers that hold slots {@code 0..count-1} when it is injected: each blocks
 * the next time it holds a batch, until the fault's time is up or it is cleared, and ignores
 * interrupts as a stuck driver call would. Their replacements are healthy, as a restarted instance
 * was in the incident.
 */
public final class FaultInjection implements FaultPoint {
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);

  private final LongSupplier nanoTime;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private int hangCount;
  private int[] hangGenerations = new int[0];
  private long hangUntil;
  private long slowMillis;
  private long slowUntil;
  private long generation; // bumped by clear() so hung workers wake

  public FaultInjection() {
    this(System::nanoTime);
  }

  FaultInjection(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * Hangs the workers now in slots {@code 0..count-1} for {@code duration}.
   *
   * @param generations the current generation of each slot, from {@code Processor.workers()}
   */
  public void hangWorkers(int count, Duration duration, int[] generations) {
    lock.lock();
    try {
      hangCount = Math.min(count, generations.length);
      hangGenerations = generations.clone();
      hangUntil = nanoTime.getAsLong() + duration.toNanos();
      LOG.warn("fault injected: {} worker(s) hang for {}", hangCount, duration);
    } finally {
      lock.unlock();
    }
  }

  public void slowDatabase(Duration delay, Duration duration) {
    lock.lock();
    try {
      slowMillis = delay.toMillis();
      slowUntil = nanoTime.getAsLong() + duration.toNanos();
      LOG.warn("fault injected: database work delayed {} for {}", delay, duration);
    } finally {
      lock.unlock();
    }
  }

  public void clear() {
    lock.lock();
    try {
      hangCount = 0;
      slowMillis = 0;
      generation++;
      changed.signalAll();
      LOG.warn("faults cleared");
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void holding(int slot, int workerGeneration) {
    lock.lock();
    try {
      long cleared = generation;
      if (slot >= hangCount || hangGenerations[slot] != workerGeneration) {
        return;
      }
      LOG.warn("processor-{}.{} hangs (injected fault)", slot, workerGeneration);
      boolean interrupted = false;
      long remaining;
      while (generation == cleared && (remaining = hangUntil - nanoTime.getAsLong()) > 0) {
        try {
          changed.awaitNanos(remaining);
        } catch (InterruptedException e) {
          interrupted = true; // stuck as in the incident: an interrupt does not free it
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void database() {
    long delay;
    lock.lock();
    try {
      delay = nanoTime.getAsLong() - slowUntil < 0 ? slowMillis : 0;
    } finally {
      lock.unlock();
    }
    if (delay > 0) {
      sleepUninterruptibly(Duration.ofMillis(delay));
    }
  }

  private static void sleepUninterruptibly(Duration duration) {
    long end = System.nanoTime() + duration.toNanos();
    boolean interrupted = false;
    long left;
    while ((left = end - System.nanoTime()) > 0) {
      try {
        Thread.sleep(Duration.ofNanos(left));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
