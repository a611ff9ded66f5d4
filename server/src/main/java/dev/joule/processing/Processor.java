package dev.joule.processing;

import dev.joule.bus.Inbox;
import dev.joule.bus.Lease;
import dev.joule.bus.Replies;
import dev.joule.bus.Reply;
import dev.joule.store.DatabaseUnavailable;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processing workers: each leases a batch from the inbox, runs it in one transaction, publishes the
 * answers and acks, in that order. Stateless: any worker takes any message.
 */
public final class Processor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Processor.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration DATABASE_BACKOFF = Duration.ofMillis(500);

  private final Inbox inbox;
  private final Replies replies;
  private final BatchRunner runner;
  private final int batchSize;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running = true;

  public Processor(Inbox inbox, Replies replies, BatchRunner runner, int workers, int batchSize) {
    this.inbox = inbox;
    this.replies = replies;
    this.runner = runner;
    this.batchSize = batchSize;
    for (int i = 0; i < workers; i++) {
      this.workers.add(Thread.ofVirtual().name("processor-" + i).start(this::work));
    }
  }

  private void work() {
    while (running) {
      List<Lease> leases;
      try {
        leases = inbox.lease(batchSize, POLL);
      } catch (InterruptedException e) {
        return;
      }
      if (!leases.isEmpty()) {
        process(leases);
      }
    }
  }

  private void process(List<Lease> leases) {
    List<Outcome> outcomes;
    try {
      outcomes = runner.run(leases);
    } catch (SQLException | DatabaseUnavailable e) {
      LOG.warn(
          "database unavailable, {} message(s) go back for redelivery: {}",
          leases.size(),
          e.getMessage());
      leases.forEach(Lease::release);
      pause(DATABASE_BACKOFF);
      return;
    } catch (RuntimeException e) {
      LOG.error("batch of {} failed; leases released", leases.size(), e);
      leases.forEach(Lease::release);
      pause(DATABASE_BACKOFF);
      return;
    }
    for (Outcome outcome : outcomes) {
      var message = outcome.lease().message();
      replies.publish(
          message.gateway(),
          new Reply(
              message.chargerId(),
              message.connectionEpoch(),
              message.call().messageId(),
              outcome.frame()));
      outcome.lease().ack();
    }
  }

  private void pause(Duration duration) {
    try {
      Thread.sleep(duration); // backoff so an unavailable database is not hammered
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread worker : workers) {
      try {
        worker.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
