package dev.joule.bus.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.InboxStats;
import dev.joule.bus.Lease;
import dev.joule.bus.Reply;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.message.core.HeartbeatRequest;
import dev.joule.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InProcessBusTest {
  private static final Duration LONG = Duration.ofMinutes(1);
  private static final Duration SHORT_ACK_WAIT = Duration.ofMillis(200);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final AtomicLong ticker = new AtomicLong();

  private static InboxMessage message(String chargerId, String callId) {
    return new InboxMessage(
        chargerId,
        "node-1",
        1,
        new Frame.Call(callId, Action.HEARTBEAT, new HeartbeatRequest()),
        Instant.parse("2026-11-24T10:00:00Z"));
  }

  @Test
  void leasedMessageIsGoneOnceAcked() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, LONG);
    InboxMessage sent = message("CP1", "1");
    bus.publish(sent);

    List<Lease> leases = bus.lease(10, Duration.ofSeconds(5));

    assertThat(leases).hasSize(1);
    assertThat(leases.get(0).message()).isEqualTo(sent);
    assertThat(leases.get(0).deliveryCount()).isEqualTo(1);
    assertThat(bus.stats()).isEqualTo(new InboxStats(1, 0, 0, 0, 1, Duration.ZERO));

    leases.get(0).ack();

    assertThat(bus.stats()).isEqualTo(new InboxStats(1, 1, 0, 0, 0, Duration.ZERO));
    assertThat(bus.lease(10, Duration.ofMillis(50))).isEmpty();
  }

  @Test
  void leaseReturnsAtMostMaxInPublishOrder() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, LONG);
    for (int i = 1; i <= 5; i++) {
      bus.publish(message("CP1", String.valueOf(i)));
    }

    List<Lease> first = bus.lease(3, Duration.ZERO);
    List<Lease> rest = bus.lease(10, Duration.ZERO);

    assertThat(first)
        .extracting(l -> l.message().call().messageId())
        .containsExactly("1", "2", "3");
    assertThat(rest).extracting(l -> l.message().call().messageId()).containsExactly("4", "5");
  }

  @Test
  void waitingLeaseReturnsAsSoonAsAMessageIsPublished() throws Exception {
    InProcessBus bus = new InProcessBus(clock, LONG);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      Future<List<Lease>> waiting = worker.submit(() -> bus.lease(10, Duration.ofSeconds(30)));

      bus.publish(message("CP1", "1"));

      assertThat(waiting.get(10, TimeUnit.SECONDS))
          .extracting(l -> l.message().call().messageId())
          .containsExactly("1");
    } finally {
      worker.shutdownNow();
    }
  }

  @Test
  void expiredLeaseIsRedeliveredWithDeliveryCountTwo() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, SHORT_ACK_WAIT, ticker::get);
    bus.publish(message("CP1", "1"));
    Lease first = bus.lease(1, Duration.ZERO).get(0);
    ticker.addAndGet(SHORT_ACK_WAIT.toNanos() - 1);
    assertThat(bus.lease(1, Duration.ZERO)).isEmpty();

    ticker.addAndGet(1);
    List<Lease> again = bus.lease(1, Duration.ZERO);

    assertThat(again).hasSize(1);
    assertThat(again.get(0).message()).isEqualTo(first.message());
    assertThat(again.get(0).deliveryCount()).isEqualTo(2);
    InboxStats stats = bus.stats();
    assertThat(stats.redelivered()).isEqualTo(1);
    assertThat(stats.leased()).isEqualTo(1);
    assertThat(stats.waiting()).isZero();
  }

  @Test
  void waitingLeaseWakesUpWhenAnotherLeaseExpires() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, SHORT_ACK_WAIT);
    bus.publish(message("CP1", "1"));
    Lease first = bus.lease(1, Duration.ZERO).get(0);

    // Real time: nothing else is published, so this returns when the first lease runs out.
    List<Lease> again = bus.lease(1, Duration.ofSeconds(10));

    assertThat(again).hasSize(1);
    assertThat(again.get(0).message()).isEqualTo(first.message());
    assertThat(again.get(0).deliveryCount()).isEqualTo(2);
  }

  @Test
  void releasedMessageIsRedeliveredAtOnce() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, LONG);
    bus.publish(message("CP1", "1"));
    bus.lease(1, Duration.ZERO).get(0).release();

    List<Lease> again = bus.lease(1, Duration.ZERO);

    assertThat(again).hasSize(1);
    assertThat(again.get(0).deliveryCount()).isEqualTo(2);
    assertThat(bus.stats().redelivered()).isEqualTo(1);
  }

  @Test
  void redeliveredMessagesComeBeforeNewOnes() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, LONG);
    bus.publish(message("CP1", "old"));
    Lease old = bus.lease(1, Duration.ZERO).get(0);
    bus.publish(message("CP2", "new"));

    old.release();

    assertThat(bus.lease(10, Duration.ZERO))
        .extracting(l -> l.message().call().messageId())
        .containsExactly("old", "new");
  }

  @Test
  void lateAckOfAnExpiredLeaseDoesNotAckTheRedelivery() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, SHORT_ACK_WAIT, ticker::get);
    bus.publish(message("CP1", "1"));
    Lease expired = bus.lease(1, Duration.ZERO).get(0);
    ticker.addAndGet(SHORT_ACK_WAIT.toNanos());
    Lease current = bus.lease(1, Duration.ZERO).get(0);
    assertThat(current.deliveryCount()).isEqualTo(2);

    expired.ack();
    expired.release();

    assertThat(bus.stats()).isEqualTo(new InboxStats(1, 0, 1, 0, 1, Duration.ZERO));

    current.ack();

    assertThat(bus.stats()).isEqualTo(new InboxStats(1, 1, 1, 0, 0, Duration.ZERO));
  }

  @Test
  void ackAfterTheDeadlineIsIgnoredEvenBeforeTheMessageIsRedelivered() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, SHORT_ACK_WAIT, ticker::get);
    bus.publish(message("CP1", "1"));
    Lease late = bus.lease(1, Duration.ZERO).get(0);
    ticker.addAndGet(SHORT_ACK_WAIT.toNanos());

    late.ack();

    assertThat(bus.stats().acked()).isZero();
    assertThat(bus.lease(1, Duration.ZERO))
        .singleElement()
        .satisfies(l -> assertThat(l.deliveryCount()).isEqualTo(2));
  }

  @Test
  void ackAndReleaseTwiceAreHarmless() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, LONG);
    bus.publish(message("CP1", "1"));
    Lease lease = bus.lease(1, Duration.ZERO).get(0);

    lease.ack();
    lease.ack();
    lease.release();

    assertThat(bus.stats()).isEqualTo(new InboxStats(1, 1, 0, 0, 0, Duration.ZERO));
  }

  @Test
  void manyWorkersHoldEachMessageOneAtATimeAndAckEachOnce() throws Exception {
    int messages = 20_000;
    int workers = 8;
    InProcessBus bus = new InProcessBus(Clock.systemUTC(), LONG);
    Map<String, AtomicInteger> holders = new ConcurrentHashMap<>();
    Set<String> done = ConcurrentHashMap.newKeySet();
    List<String> violations = new CopyOnWriteArrayList<>();
    AtomicInteger releases = new AtomicInteger();
    for (int i = 0; i < messages; i++) {
      String id = "m" + i;
      holders.put(id, new AtomicInteger());
      bus.publish(message("CP" + (i % 100), id));
    }

    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> running = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (int w = 0; w < workers; w++) {
      running.add(
          pool.submit(
              () -> {
                while (done.size() < messages && System.nanoTime() < deadline) {
                  for (Lease lease : bus.lease(16, Duration.ofMillis(20))) {
                    String id = lease.message().call().messageId();
                    if (holders.get(id).incrementAndGet() != 1) {
                      violations.add(id);
                    }
                    holders.get(id).decrementAndGet();
                    // Every seventh first delivery goes back, to mix redeliveries in.
                    if (lease.deliveryCount() == 1 && id.hashCode() % 7 == 0) {
                      releases.incrementAndGet();
                      lease.release();
                    } else {
                      if (!done.add(id)) {
                        violations.add("twice " + id);
                      }
                      lease.ack();
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(violations).isEmpty();
    assertThat(done).hasSize(messages);
    assertThat(releases.get()).isPositive();
    assertThat(bus.stats())
        .isEqualTo(new InboxStats(messages, messages, releases.get(), 0, 0, Duration.ZERO));
  }

  @Test
  void statsReportTheAgeOfTheOldestWaitingMessage() throws InterruptedException {
    InProcessBus bus = new InProcessBus(clock, LONG);
    bus.publish(message("CP1", "first"));
    clock.advance(Duration.ofSeconds(3));
    bus.publish(message("CP1", "second"));
    clock.advance(Duration.ofSeconds(2));

    assertThat(bus.stats().oldestWaiting()).isEqualTo(Duration.ofSeconds(5));
    assertThat(bus.stats().waiting()).isEqualTo(2);

    Lease first = bus.lease(1, Duration.ZERO).get(0);
    assertThat(bus.stats().oldestWaiting()).isEqualTo(Duration.ofSeconds(2));

    first.release(); // waiting again: its age counts from when it was published
    assertThat(bus.stats().oldestWaiting()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void repliesReachTheSubscribedGatewayOnThePublishingThread() {
    InProcessBus bus = new InProcessBus(clock);
    List<String> seen = new ArrayList<>();
    bus.subscribe("node-1", r -> seen.add(r.callId() + "@" + Thread.currentThread().getName()));
    bus.subscribe("node-2", r -> seen.add("wrong gateway"));

    bus.publish("node-1", new Reply("CP1", 1, "42", "[3,\"42\",{}]"));
    bus.publish("gone", new Reply("CP1", 1, "43", "[3,\"43\",{}]"));

    assertThat(seen).containsExactly("42@" + Thread.currentThread().getName());
  }
}
