package dev.joule.processing;

import dev.joule.bus.Inbox;
import dev.joule.bus.Lease;
import dev.joule.bus.Replies;
import dev.joule.store.DatabaseUnavailable;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processing workers: each leases a batch from the inbox, runs it in one transaction, publishes the
 * answers and acks, in that order. Stateless: any worker takes any message.
 *
 * <p>Every worker publishes what it holds and since when ({@link #workers()}); the supervisor reads
 * that and {@link #abandon abandons} a worker that holds a batch too long (DESIGN.md rule 5). An
 * abandoned worker's leases are released at once for redelivery and a replacement takes its slot.
 * The abandoned thread is interrupted but may not notice (a stuck driver call, an endless loop);
 * whatever it does later is discarded: it checks its abandoned flag before committing, and its
 * publish-and-ack step runs under the same lock as {@link #abandon}, so an abandoned batch never
 * publishes a reply. A commit that races the abandonment is covered by idempotent handlers (rule
 * 4): the redelivered copy finds the committed effect and answers the same.
 */
public final class Processor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Processor.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration DATABASE_BACKOFF = Duration.ofMillis(500);

  /** How long {@link #abandon} waits for a worker that is publishing its answers. */
  private static final Duration PUBLISH_GRACE = Duration.ofSeconds(1);

  private final Inbox inbox;
  private final Replies replies;
  private final BatchRunner runner;
  private final int batchSize;
  private final FaultPoint faults;
  private final ProcessingListener listener;
  private final Worker[] slots;
  private final AtomicLong[] processed;
  private volatile boolean running = true;

  public Processor(Inbox inbox, Replies replies, BatchRunner runner, int workers, int batchSize) {
    this(inbox, replies, runner, workers, batchSize, FaultPoint.NONE, ProcessingListener.NONE);
  }

  public Processor(
      Inbox inbox,
      Replies replies,
      BatchRunner runner,
      int workers,
      int batchSize,
      FaultPoint faults,
      ProcessingListener listener) {
    this.inbox = inbox;
    this.replies = replies;
    this.runner = runner;
    this.batchSize = batchSize;
    this.faults = faults;
    this.listener = listener;
    this.slots = new Worker[workers];
    this.processed = new AtomicLong[workers];
    for (int i = 0; i < workers; i++) {
      processed[i] = new AtomicLong();
      startWorker(i, 0);
    }
  }

  private synchronized void startWorker(int slot, int generation) {
    Worker worker = new Worker(slot, generation);
    slots[slot] = worker;
    // Platform threads: a worker spends its time in blocking JDBC calls, where a virtual thread
    // pays for parking and the JDK's I/O poller on every round trip (~19 % of the JVM's CPU
    // under load, docs/profiling/gateway-cost.md). Daemon: an abandoned, hung worker must not
    // keep the JVM from exiting.
    worker.thread =
        Thread.ofPlatform()
            .daemon(true)
            .name("processor-" + slot + (generation == 0 ? "" : "." + generation))
            .start(worker::work);
  }

  /** What every worker holds now, by slot. */
  public List<WorkerState> workers() {
    long now = System.nanoTime();
    List<WorkerState> states = new ArrayList<>(slots.length);
    for (int i = 0; i < slots.length; i++) {
      Worker worker = slots[i];
      Batch batch = worker.batch;
      states.add(
          new WorkerState(
              i,
              worker.generation,
              batch == null ? 0 : batch.leases.size(),
              batch == null ? Duration.ZERO : Duration.ofNanos(now - batch.leasedAt),
              Duration.ofNanos(now - worker.lastProgress),
              processed[i].get()));
    }
    return states;
  }

  /**
   * Abandons the worker in {@code slot} if it is still generation {@code generation}: releases its
   * leases for immediate redelivery, interrupts it and starts a replacement in the slot.
   *
   * @return how many messages were released, or -1 when that worker was already gone
   */
  public int abandon(int slot, int generation) {
    Worker worker;
    synchronized (this) {
      worker = slots[slot];
      if (worker.generation != generation || !running) {
        return -1;
      }
      startWorker(slot, generation + 1);
    }
    return worker.abandon();
  }

  @Override
  public void close() {
    running = false;
    for (Worker worker : slots) {
      try {
        worker.thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A leased batch and when it was leased (System.nanoTime). */
  private record Batch(List<Lease> leases, long leasedAt) {}

  private final class Worker {
    final int slot;
    final int generation;
    final ReentrantLock publishing = new ReentrantLock();
    volatile Thread thread;
    volatile Batch batch;
    volatile long lastProgress = System.nanoTime();
    volatile boolean abandoned;

    Worker(int slot, int generation) {
      this.slot = slot;
      this.generation = generation;
    }

    void work() {
      while (running && !abandoned) {
        List<Lease> leases;
        try {
          leases = inbox.lease(batchSize, POLL);
        } catch (InterruptedException e) {
          return;
        }
        if (leases.isEmpty()) {
          lastProgress = System.nanoTime(); // idle is not stuck
          continue;
        }
        batch = new Batch(leases, System.nanoTime());
        if (abandoned) {
          leases.forEach(Lease::release); // abandoned while leasing: abandon() did not see them
          return;
        }
        try {
          process(batch);
        } finally {
          batch = null;
          lastProgress = System.nanoTime();
        }
      }
      if (abandoned) {
        LOG.info("abandoned worker processor-{}.{} exited", slot, generation);
      }
    }

    private void process(Batch batch) {
      List<Lease> leases = batch.leases;
      List<Outcome> outcomes;
      try {
        faults.holding(slot, generation);
        if (abandoned) {
          return; // its leases were released when it was abandoned
        }
        outcomes = runner.run(leases, () -> abandoned, faults);
      } catch (BatchRunner.Abandoned e) {
        LOG.info("abandoned worker processor-{}.{} rolled its late batch back", slot, generation);
        return;
      } catch (SQLException | RuntimeException e) {
        if (abandoned) {
          // Typical: the interrupt closed the connection's socket (virtual threads), so the
          // database rolled the batch back. Its messages were released when it was abandoned.
          LOG.info(
              "abandoned worker processor-{}.{}: late batch failed and was discarded: {}",
              slot,
              generation,
              e.toString());
          return;
        }
        if (e instanceof RuntimeException && !(e instanceof DatabaseUnavailable)) {
          LOG.error("batch of {} failed; leases released", leases.size(), e);
          leases.forEach(Lease::release);
          pause(DATABASE_BACKOFF);
          return;
        }
        LOG.warn(
            "database unavailable, {} message(s) go back for redelivery: {}",
            leases.size(),
            e.getMessage());
        leases.forEach(Lease::release);
        pause(DATABASE_BACKOFF);
        return;
      }
      long nanos = System.nanoTime() - batch.leasedAt;
      publishing.lock();
      try {
        if (abandoned) {
          LOG.info(
              "abandoned worker processor-{}.{}: {} late answer(s) discarded",
              slot,
              generation,
              outcomes.size());
          return;
        }
        // One send per gateway for the whole batch. Acked once the gateway has the replies (or
        // cannot): a reply lost on the way leaves the CALL unacked, so it is processed again
        // (idempotently) and answered after all.
        Map<String, List<Outcome>> byGateway = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
          var message = outcome.lease().message();
          byGateway.computeIfAbsent(message.gateway(), g -> new ArrayList<>()).add(outcome);
          listener.processed(message.call().action(), outcome.frame().startsWith("[4"), nanos);
        }
        byGateway.forEach(
            (gateway, sent) ->
                replies
                    .publishAll(gateway, sent.stream().map(Outcome::reply).toList())
                    .whenComplete((delivered, failure) -> sent.forEach(o -> o.lease().ack())));
        processed[slot].addAndGet(outcomes.size());
      } finally {
        publishing.unlock();
      }
    }

    /** Marks this worker abandoned and releases what it holds; see the class comment. */
    int abandon() {
      boolean locked = false;
      try {
        locked = publishing.tryLock(PUBLISH_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        if (!locked) {
          // Stuck while publishing, which only calls the in-process bus: not expected. Releasing
          // anyway may let a late reply through; the gateway drops a reply for a call it already
          // answered.
          LOG.warn(
              "worker processor-{}.{} is stuck publishing; abandoned anyway", slot, generation);
        }
        abandoned = true;
        Batch held = batch;
        int released = 0;
        if (held != null) {
          for (Lease lease : held.leases) {
            lease.release(); // a no-op for a lease already acked or expired
            released++;
          }
        }
        thread.interrupt();
        return released;
      } finally {
        if (locked) {
          publishing.unlock();
        }
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration); // backoff so an unavailable database is not hammered
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
