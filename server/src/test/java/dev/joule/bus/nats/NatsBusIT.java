package dev.joule.bus.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import dev.joule.bus.Reply;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.AuthorizeRequest;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The NATS bus against the NATS server of the machine (127.0.0.1:4222), in a cluster of its own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NatsBusIT {
  static final String URL = "nats://127.0.0.1:4222";
  static final Duration ACK_WAIT = Duration.ofSeconds(1);

  final String cluster = "joule-test-" + UUID.randomUUID().toString().substring(0, 8);
  final OcppJson codec = OcppJson.forCentralSystem();
  final List<AutoCloseable> opened = new ArrayList<>();
  Connection admin;

  @BeforeEach
  void connect() throws Exception {
    admin = connection();
    assumeTrue(admin != null, "No NATS with JetStream at " + URL + ": the NATS bus is not tested");
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable closeable : opened.reversed()) {
      closeable.close();
    }
    if (admin != null) {
      admin.jetStreamManagement().deleteStream(cluster + "-inbox");
      admin.close();
    }
  }

  @Test
  void aLeasedCallArrivesAsTheGatewayAcceptedItAndIsGoneOnceAcked() throws Exception {
    NatsBus bus = bus(Duration.ofSeconds(5), 5);
    InboxMessage sent = message("CP-1", "m-1");
    bus.publish(sent);

    List<Lease> leases = bus.lease(10, Duration.ofSeconds(5));

    assertThat(leases).hasSize(1);
    assertThat(leases.get(0).message()).isEqualTo(sent);
    assertThat(leases.get(0).deliveryCount()).isEqualTo(1);
    leases.get(0).ack();
    assertThat(bus.lease(10, Duration.ofMillis(1500))).isEmpty();
    assertThat(bus.stats().acked()).isEqualTo(1);
  }

  @Test
  void aLeaseReturnsAsSoonAsOneMessageIsThereNotWhenTheBatchIsFull() throws Exception {
    NatsBus bus = bus(Duration.ofSeconds(5), 5);
    bus.publish(message("CP-1", "m-1"));

    long started = System.nanoTime();
    List<Lease> leases = bus.lease(100, Duration.ofSeconds(10));

    assertThat(leases).hasSize(1);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    leases.forEach(Lease::ack);
  }

  @Test
  void aFullBatchEndsTheLeaseWithoutWaitingForMore() throws Exception {
    NatsBus bus = bus(Duration.ofSeconds(5), 5);
    for (int i = 0; i < 15; i++) {
      bus.publish(message("CP-1", "m-" + i));
    }
    awaitPublished(bus, 15);

    long started = System.nanoTime();
    List<Lease> first = bus.lease(10, Duration.ofSeconds(5));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    List<Lease> rest = bus.lease(10, Duration.ofSeconds(5));

    assertThat(first).hasSize(10);
    assertThat(rest).hasSize(5);
    // A full batch has no end-of-request status: a lease that waited for one took 1 s more.
    assertThat(took).isLessThan(Duration.ofMillis(900));
    first.forEach(Lease::ack);
    rest.forEach(Lease::ack);
  }

  @Test
  void aProcessThatStopsExtendingItsLeasesLosesThemToAnotherAfterAckWait() throws Exception {
    NatsBus frozen = bus(Duration.ofSeconds(5), 5);
    NatsBus live = bus(Duration.ofSeconds(5), 5);
    frozen.publish(message("CP-1", "m-1"));
    assertThat(frozen.lease(10, Duration.ofSeconds(5))).hasSize(1);
    frozen.close(); // no more in-progress acks, like a process under SIGSTOP

    List<Lease> again = live.lease(10, Duration.ofSeconds(5));

    assertThat(again).hasSize(1);
    assertThat(again.get(0).deliveryCount()).isEqualTo(2);
    assertThat(again.get(0).message().call().messageId()).isEqualTo("m-1");
    again.get(0).ack();
  }

  @Test
  void aLiveProcessKeepsItsLeaseBeyondAckWaitUntilTheHoldLimit() throws Exception {
    NatsBus holder = bus(Duration.ofSeconds(4), 5);
    NatsBus other = bus(Duration.ofSeconds(4), 5);
    holder.publish(message("CP-1", "m-1"));
    List<Lease> held = holder.lease(10, Duration.ofSeconds(5));
    assertThat(held).hasSize(1);

    // Three ack-waits pass while the holder is alive and under its hold limit.
    assertThat(other.lease(10, Duration.ofMillis(3 * ACK_WAIT.toMillis()))).isEmpty();
    held.get(0).ack();
    assertThat(other.lease(10, Duration.ofMillis(1500))).isEmpty();
  }

  @Test
  void theOldestWaitingMessageIsAgedFromTheStreamAndZeroOnceTaken() throws Exception {
    NatsBus bus = bus(Duration.ofSeconds(5), 5);
    long before = System.nanoTime();
    bus.publish(message("CP-1", "m-1"));
    bus.publish(message("CP-1", "m-2"));
    awaitPublished(bus, 2);
    Thread.sleep(1100); // past the stats refresh interval, and an age to see

    Duration oldest = bus.stats().oldestWaiting();

    assertThat(bus.stats().waiting()).isEqualTo(2);
    assertThat(oldest).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(oldest)
        .isLessThanOrEqualTo(Duration.ofNanos(System.nanoTime() - before).plusMillis(50));
    bus.lease(10, Duration.ofSeconds(5)).forEach(Lease::ack);
    Thread.sleep(1100);
    assertThat(bus.stats().oldestWaiting()).isEqualTo(Duration.ZERO);
  }

  @Test
  void theSameCallPublishedAgainIsStoredOnceEvenAfterItWasAcked() throws Exception {
    NatsBus bus = bus(Duration.ofSeconds(5), 5);
    InboxMessage call = message("CP-1", "m-1");
    bus.publish(call);
    bus.publish(call); // waiting in the stream: dropped
    awaitPublished(bus, 2);
    List<Lease> leases = bus.lease(10, Duration.ofSeconds(5));
    assertThat(leases).hasSize(1);
    leases.get(0).ack();

    bus.publish(call); // answered already: dropped too
    bus.publish(message("CP-1", "m-2"));
    awaitPublished(bus, 4);

    assertThat(bus.lease(10, Duration.ofSeconds(5)))
        .extracting(l -> l.message().call().messageId())
        .containsExactly("m-2");
  }

  @Test
  void aReleasedLeaseIsDeliveredAgainAtOnce() throws Exception {
    NatsBus bus = bus(Duration.ofSeconds(5), 5);
    bus.publish(message("CP-1", "m-1"));
    bus.lease(10, Duration.ofSeconds(5)).forEach(Lease::release);

    long started = System.nanoTime();
    List<Lease> again = bus.lease(10, Duration.ofSeconds(5));

    assertThat(again).hasSize(1);
    assertThat(again.get(0).deliveryCount()).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(ACK_WAIT);
    assertThat(bus.stats().redelivered()).isEqualTo(1);
    again.get(0).ack();
  }

  @Test
  void aPoisonCallIsSetAsideAndItsChargerAnsweredWhileTheNextOneIsProcessed() throws Exception {
    NatsBus bus = bus(Duration.ofSeconds(5), 2);
    List<Reply> replies = new CopyOnWriteArrayList<>();
    bus.subscribe("g1", replies::add);
    bus.publish(message("CP-1", "poison"));
    // Its two deliveries, each released; on a loaded machine a released message may come back
    // after a lease has stopped waiting, so lease until both were seen.
    int deliveries = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (deliveries < 2 && System.nanoTime() < deadline) {
      for (Lease lease : bus.lease(10, Duration.ofSeconds(2))) {
        deliveries++;
        lease.release();
      }
    }
    assertThat(deliveries).isEqualTo(2);
    bus.publish(message("CP-2", "fine"));

    List<Lease> leases = new ArrayList<>();
    while ((leases.isEmpty() || bus.deadLettered() == 0) && System.nanoTime() < deadline) {
      leases.addAll(bus.lease(10, Duration.ofSeconds(2)));
    }

    assertThat(leases).extracting(l -> l.message().call().messageId()).containsExactly("fine");
    assertThat(bus.deadLettered()).isEqualTo(1);
    assertThat(bus.stats().deadLettered()).isEqualTo(1);
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (replies.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20); // polling for the reply, not a wait for it
    }
    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).chargerId()).isEqualTo("CP-1");
    assertThat(replies.get(0).frame()).startsWith("[4,\"poison\",\"InternalError\"");
    leases.forEach(Lease::ack);
  }

  @Test
  void repliesReachOnlyTheGatewayTheyAreAddressedTo() throws Exception {
    NatsBus processor = bus(Duration.ofSeconds(5), 5);
    NatsBus gateway1 = bus(Duration.ofSeconds(5), 5);
    NatsBus gateway2 = bus(Duration.ofSeconds(5), 5);
    List<Reply> atG1 = new CopyOnWriteArrayList<>();
    List<Reply> atG2 = new CopyOnWriteArrayList<>();
    gateway1.subscribe("g1", atG1::add);
    gateway2.subscribe("g2", atG2::add);
    String longFrame = "[3,\"m-1\",{\"data\":\"" + "x".repeat(100_000) + "\"}]";

    processor.publish("g2", new Reply("CP-1", 7, "m-1", longFrame));

    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (atG2.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20); // polling for the reply, not a wait for it
    }
    assertThat(atG2).containsExactly(new Reply("CP-1", 7, "m-1", longFrame));
    assertThat(atG1).isEmpty();
  }

  @Test
  void aBatchsRepliesTravelTogetherInOrderAndLargeOnesAreSplit() throws Exception {
    NatsBus processor = bus(Duration.ofSeconds(5), 5);
    NatsBus gateway = bus(Duration.ofSeconds(5), 5);
    List<Reply> received = new CopyOnWriteArrayList<>();
    gateway.subscribe("g1", received::add);
    List<Reply> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // 40 × 40 KB: 1.6 MB, over NATS's 1 MiB payload limit unless split
      // (ConfirmedReplies.REPLIES_BYTES)
      String frame = "[3,\"m-" + i + "\",{\"data\":\"" + "y".repeat(40_000) + "\"}]";
      sent.add(new Reply("CP-" + (i % 3), 7, "m-" + i, frame));
    }

    Boolean delivered =
        processor.publishAll("g1", sent).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(delivered).isTrue();
    assertThat(received).containsExactlyElementsOf(sent);
  }

  private static void awaitPublished(NatsBus bus, int count) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (bus.stats().published() < count && System.nanoTime() < until) {
      Thread.sleep(10); // polling for the publish acks, not a wait for them
    }
  }

  private NatsBus bus(Duration holdLimit, int maxDeliver) throws Exception {
    Connection connection = connection();
    NatsBus bus = new NatsBus(connection, cluster, codec, ACK_WAIT, holdLimit, maxDeliver);
    opened.add(connection::close);
    opened.add(bus);
    return bus;
  }

  private InboxMessage message(String chargerId, String messageId) {
    return new InboxMessage(
        chargerId,
        "g1",
        3,
        new Frame.Call(messageId, Action.AUTHORIZE, new AuthorizeRequest("TAG-" + messageId)),
        Instant.parse("2026-12-02T10:15:30.123456Z"));
  }

  private static Connection connection() {
    try {
      Connection connection =
          Nats.connect(
              new Options.Builder()
                  .server(URL)
                  .connectionTimeout(Duration.ofSeconds(2))
                  .maxReconnects(0)
                  .build());
      connection.jetStreamManagement().getAccountStatistics();
      return connection;
    } catch (Exception e) {
      return null;
    }
  }
}
