package dev.joule.bus.inprocess;

import dev.joule.bus.Inbox;
import dev.joule.bus.InboxMessage;
import dev.joule.bus.InboxStats;
import dev.joule.bus.Lease;
import dev.joule.bus.Replies;
import dev.joule.bus.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus of a single JVM: an in-memory work queue with leases (DESIGN.md rule 2) and direct
 * delivery of replies.
 *
 * <p>Leases expire without a scheduler thread: every delivery gets a deadline of now + ack-wait, so
 * deadlines grow in lease order and the oldest outstanding lease is always at the head of one FIFO.
 * Whoever takes the lock next ({@link #lease}, {@link #stats}, an ack or a release) moves expired
 * deliveries back to the waiting queue first, and a blocked {@code lease} call wakes up no later
 * than the head's deadline. Each delivery is its own object, so an ack or release that arrives
 * after its lease expired finds itself no longer current and does nothing: it cannot touch the
 * redelivery someone else now holds.
 */
public final class InProcessBus implements Inbox, Replies {
  private static final CompletionStage<Boolean> DELIVERED = CompletableFuture.completedFuture(true);
  private static final CompletionStage<Boolean> DROPPED = CompletableFuture.completedFuture(false);

  public static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(InProcessBus.class);

  private final Clock clock;
  private final LongSupplier nanoTime;
  private final long ackWaitNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();

  /** Never delivered, in publish order. */
  private final ArrayDeque<Entry> fresh = new ArrayDeque<>();

  /** Expired or released, served before {@link #fresh} because they are older. */
  private final ArrayDeque<Entry> returned = new ArrayDeque<>();

  /** Deliveries in lease order, hence deadline order; settled ones are skipped lazily. */
  private final ArrayDeque<Delivery> outstanding = new ArrayDeque<>();

  private final Map<String, Consumer<Reply>> subscribers = new ConcurrentHashMap<>();

  private long published;
  private long acked;
  private long redelivered;
  private int leased;

  /**
   * @param clock dates messages for the age of the oldest waiting one
   * @param ackWait how long a lease lasts before the message is delivered again
   */
  public InProcessBus(Clock clock, Duration ackWait) {
    this(clock, ackWait, System::nanoTime);
  }

  /** Lease deadlines follow {@code nanoTime}, a monotonic ticker (tests drive their own). */
  InProcessBus(Clock clock, Duration ackWait, LongSupplier nanoTime) {
    if (ackWait.isNegative() || ackWait.isZero()) {
      throw new IllegalArgumentException("ack-wait must be positive: " + ackWait);
    }
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.ackWaitNanos = ackWait.toNanos();
  }

  public InProcessBus(Clock clock) {
    this(clock, DEFAULT_ACK_WAIT);
  }

  @Override
  public void publish(InboxMessage message) {
    Entry entry = new Entry(message, clock.instant());
    lock.lock();
    try {
      fresh.addLast(entry);
      published++;
      available.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Lease> lease(int max, Duration wait) throws InterruptedException {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    long deadline = nanoTime.getAsLong() + Math.max(0, wait.toNanos());
    lock.lockInterruptibly();
    try {
      while (true) {
        long now = nanoTime.getAsLong();
        expire(now);
        if (!fresh.isEmpty() || !returned.isEmpty()) {
          return take(max, now);
        }
        long remaining = deadline - now;
        if (remaining <= 0) {
          return List.of();
        }
        available.awaitNanos(Math.min(remaining, untilNextExpiry(now)));
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public InboxStats stats() {
    Instant now = clock.instant();
    lock.lock();
    try {
      expire(nanoTime.getAsLong());
      int waiting = fresh.size() + returned.size();
      return new InboxStats(published, acked, redelivered, waiting, leased, oldestWaiting(now));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletionStage<Boolean> publish(String gateway, Reply reply) {
    Consumer<Reply> handler = subscribers.get(gateway);
    if (handler == null) {
      log.debug("reply for {} dropped: gateway {} is not subscribed", reply.chargerId(), gateway);
      return DROPPED;
    }
    try {
      handler.accept(reply);
    } catch (RuntimeException e) {
      log.warn("reply handler of gateway {} failed for {}", gateway, reply.chargerId(), e);
    }
    return DELIVERED;
  }

  /** One handler per gateway: a second subscription for the same gateway replaces the first. */
  @Override
  public void subscribe(String gateway, Consumer<Reply> handler) {
    subscribers.put(gateway, handler);
  }

  private List<Lease> take(int max, long now) {
    List<Lease> leases = new ArrayList<>(Math.min(max, fresh.size() + returned.size()));
    while (leases.size() < max) {
      Entry entry = returned.isEmpty() ? fresh.pollFirst() : returned.pollFirst();
      if (entry == null) {
        break;
      }
      entry.deliveries++;
      if (entry.deliveries > 1) {
        redelivered++;
      }
      Delivery delivery = new Delivery(entry, entry.deliveries, now + ackWaitNanos);
      entry.current = delivery;
      outstanding.addLast(delivery);
      leased++;
      leases.add(delivery);
    }
    if (!fresh.isEmpty() || !returned.isEmpty()) {
      available.signal(); // more work than this caller took: wake the next worker
    }
    return leases;
  }

  /** Moves every delivery whose lease ran out back to the waiting messages. */
  private void expire(long now) {
    Delivery head;
    while ((head = outstanding.peekFirst()) != null) {
      if (head.settled()) {
        outstanding.pollFirst();
      } else if (now - head.deadline >= 0) {
        outstanding.pollFirst();
        giveBack(head);
      } else {
        return;
      }
    }
  }

  /** Call after {@link #expire}: the head is then the next lease to run out. */
  private long untilNextExpiry(long now) {
    Delivery head = outstanding.peekFirst();
    return head == null ? Long.MAX_VALUE : Math.max(1, head.deadline - now);
  }

  private void giveBack(Delivery delivery) {
    delivery.entry.current = null;
    leased--;
    returned.addLast(delivery.entry);
    available.signal();
  }

  private Duration oldestWaiting(Instant now) {
    Instant oldest = null;
    Entry first = fresh.peekFirst();
    if (first != null) {
      oldest = first.publishedAt;
    }
    for (Entry e : returned) {
      if (oldest == null || e.publishedAt.isBefore(oldest)) {
        oldest = e.publishedAt;
      }
    }
    if (oldest == null || oldest.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(oldest, now);
  }

  private void settle(Delivery delivery, boolean ack) {
    lock.lock();
    try {
      expire(nanoTime.getAsLong());
      if (delivery.entry.current != delivery) {
        log.debug(
            "late {} of {} delivery {} ignored: its lease expired",
            ack ? "ack" : "release",
            delivery.entry.message.chargerId(),
            delivery.count);
        return;
      }
      if (ack) {
        delivery.entry.current = null;
        leased--;
        acked++;
      } else {
        giveBack(delivery);
      }
    } finally {
      lock.unlock();
    }
  }

  /** A published message and the delivery that currently holds it, if any. */
  private static final class Entry {
    final InboxMessage message;
    final Instant publishedAt;
    int deliveries;
    Delivery current;

    Entry(InboxMessage message, Instant publishedAt) {
      this.message = message;
      this.publishedAt = publishedAt;
    }
  }

  /** One delivery of one message: the lease a worker holds. */
  private final class Delivery implements Lease {
    final Entry entry;
    final int count;
    final long deadline;

    Delivery(Entry entry, int count, long deadline) {
      this.entry = entry;
      this.count = count;
      this.deadline = deadline;
    }

    /** Acked, released or expired: no longer the delivery holding its message. */
    boolean settled() {
      return entry.current != this;
    }

    @Override
    public InboxMessage message() {
      return entry.message;
    }

    @Override
    public int deliveryCount() {
      return count;
    }

    @Override
    public void ack() {
      settle(this, true);
    }

    @Override
    public void release() {
      settle(this, false);
    }

    @Override
    public String toString() {
      return "Lease["
          + entry.message.chargerId()
          + " "
          + entry.message.call().messageId()
          + " delivery "
          + count
          + "]";
    }
  }
}
