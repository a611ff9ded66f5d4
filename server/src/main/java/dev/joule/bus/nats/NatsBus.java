package dev.joule.bus.nats;

import dev.joule.bus.Inbox;
import dev.joule.bus.InboxMessage;
import dev.joule.bus.InboxStats;
import dev.joule.bus.Lease;
import dev.joule.bus.Replies;
import dev.joule.bus.Reply;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.json.OcppJson;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus between processes: NATS JetStream behind the same {@link Inbox} and {@link Replies} seams
 * as the in-process bus, so neither the gateway nor the processors know which one they run on.
 *
 * <ul>
 *   <li>Inbox: stream {@code <cluster>-inbox} on subject {@code <cluster>.inbox.calls}, one durable
 *       pull consumer {@code processors} shared by every processor: any worker of any process takes
 *       any message (DESIGN.md rule 2). Ack after commit; nak to release; a message not acked
 *       within ack-wait goes to any other processor.
 *   <li>Live workers keep their leases: every ack-wait / 3 this process sends an in-progress ack
 *       for each lease held for less than {@code holdLimit} (the stall threshold). A frozen or
 *       killed process sends none, so its messages are redelivered after ack-wait; a stalled worker
 *       in a live process stops being extended at the stall threshold.
 *   <li>A message delivered more than {@code maxDeliver} times is poison: it is copied to {@code
 *       <cluster>.dead}, terminated, and its charger answered with a CALLERROR, so it never blocks
 *       the others and is never dropped silently.
 *   <li>Replies: requests on {@code <cluster>.node.<gateway>.reply}, the gateway node that holds
 *       the connection, which confirms each; an unconfirmed reply is sent again ({@link
 *       ConfirmedReplies}) and the CALL is acked only after that. A processor's batch sends its
 *       replies for one gateway in one request ({@link #publishAll}), confirmed once.
 *   <li>Inbox publishes carry a message id and are retried when unacknowledged, so a NATS restart
 *       neither loses nor doubles a CALL.
 * </ul>
 */
public final class NatsBus implements Inbox, Replies, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NatsBus.class);
  private static final String CONSUMER = "processors";

  /** How often the waiting count is asked of the server at most (stats() runs every 250 ms). */
  private static final Duration STATS_EVERY = Duration.ofSeconds(1);

  private final Connection connection;
  private final JetStream jetStream;
  private final JetStreamManagement management;
  private final Wire wire;
  private final OcppJson codec;
  private final String cluster;
  private final String stream;
  private final String inboxSubject;
  private final Duration holdLimit;
  private final int maxDeliver;
  private final ConcurrentLinkedQueue<JetStreamSubscription> idle = new ConcurrentLinkedQueue<>();
  private final Set<NatsLease> held = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService progress;
  private final InboxPublisher publisher;
  private final ConfirmedReplies replies;
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong redelivered = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();
  private volatile InboxStats last = new InboxStats(0, 0, 0, 0, 0, Duration.ZERO);
  private volatile long lastStatsAt;
  private volatile Instant oldestAt;

  /**
   * Creates the stream and the consumer when they are missing (or updates the consumer's ack-wait).
   *
   * @param holdLimit a lease held longer than this is no longer extended (stall-after)
   * @param maxDeliver deliveries after which a message is dead-lettered
   */
  public NatsBus(
      Connection connection,
      String cluster,
      OcppJson codec,
      Duration ackWait,
      Duration holdLimit,
      int maxDeliver) {
    this.connection = connection;
    this.cluster = cluster;
    this.codec = codec;
    this.wire = new Wire(codec);
    this.stream = cluster + "-inbox";
    this.inboxSubject = cluster + ".inbox.calls";
    this.holdLimit = holdLimit;
    this.maxDeliver = maxDeliver;
    try {
      this.management = connection.jetStreamManagement();
      this.jetStream = connection.jetStream();
      ensureStream(ackWait);
    } catch (IOException e) {
      throw new UncheckedIOException("NATS JetStream is not available: " + e.getMessage(), e);
    } catch (JetStreamApiException e) {
      throw new IllegalStateException("NATS JetStream refused the inbox: " + e.getMessage(), e);
    }
    long every = Math.max(1, ackWait.toMillis() / 3);
    this.progress =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("nats-in-progress").factory());
    progress.scheduleAtFixedRate(this::extendLeases, every, every, TimeUnit.MILLISECONDS);
    this.replies = new ConfirmedReplies(connection, progress, wire);
    this.publisher = new InboxPublisher(jetStream, inboxSubject, wire, progress);
  }

  /**
   * Interest retention: a message is removed once the one consumer acked it, so the stream holds
   * only work in hand. File storage: a NATS restart loses nothing the gateways published.
   */
  private void ensureStream(Duration ackWait) throws IOException, JetStreamApiException {
    StreamConfiguration config =
        StreamConfiguration.builder()
            .name(stream)
            .subjects(inboxSubject)
            .storageType(StorageType.File)
            .retentionPolicy(RetentionPolicy.Interest)
            .maxAge(Duration.ofHours(1))
            .build();
    if (!management.getStreamNames().contains(stream)) {
      management.addStream(config);
    }
    management.addOrUpdateConsumer(
        stream,
        ConsumerConfiguration.builder()
            .durable(CONSUMER)
            .ackPolicy(AckPolicy.Explicit)
            .ackWait(ackWait)
            .maxAckPending(100_000)
            .build());
  }

  /** Asynchronously, with a message id and retries: {@link InboxPublisher}. */
  @Override
  public void publish(InboxMessage message) {
    publisher.publish(message);
  }

  /**
   * One pull request in no-wait mode with an expiry: the server waits up to {@code wait} for the
   * first message, then hands over what is there (up to {@code max}) and ends the request, so a
   * lease never waits for a full batch. A request that got fewer than {@code max} ends with a
   * status message; one that got all {@code max} ends without one, so the lease stops reading at
   * the count (waiting for a status that never comes cost a second per full batch: 390 msg/s).
   */
  @Override
  public List<Lease> lease(int max, Duration wait) throws InterruptedException {
    JetStreamSubscription subscription = borrow();
    List<Lease> leases = new ArrayList<>();
    boolean clean = false;
    try {
      subscription.pullNoWait(max, wait);
      Duration next = wait.plusSeconds(1);
      Message message;
      int received = 0;
      while (received < max && (message = subscription.nextMessage(next)) != null) {
        if (message.isStatusMessage()) {
          break;
        }
        received++;
        next = Duration.ofSeconds(1);
        NatsLease lease = take(message);
        if (lease != null) {
          leases.add(lease);
        }
      }
      clean = true;
    } finally {
      if (clean) {
        idle.add(subscription);
      } else {
        subscription.unsubscribe(); // interrupted mid-request: messages may still arrive on it
      }
    }
    return leases;
  }

  private JetStreamSubscription borrow() {
    JetStreamSubscription subscription = idle.poll();
    if (subscription != null) {
      return subscription;
    }
    try {
      return jetStream.subscribe(null, PullSubscribeOptions.bind(stream, CONSUMER));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JetStreamApiException e) {
      throw new IllegalStateException("cannot bind to the inbox consumer: " + e.getMessage(), e);
    }
  }

  /** A lease for {@code message}, or null when it was poison and dead-lettered. */
  private NatsLease take(Message message) {
    int deliveries = (int) message.metaData().deliveredCount();
    InboxMessage decoded;
    try {
      decoded = wire.inbox(message.getData());
    } catch (RuntimeException e) {
      LOG.error("undecodable inbox message terminated and dead-lettered: {}", e.toString());
      deadLetter(message, null);
      return null;
    }
    if (deliveries > maxDeliver) {
      deadLetter(message, decoded);
      return null;
    }
    if (deliveries > 1) {
      redelivered.incrementAndGet();
    }
    NatsLease lease = new NatsLease(message, decoded, deliveries, System.nanoTime(), held, acked);
    held.add(lease);
    return lease;
  }

  private void deadLetter(Message message, InboxMessage decoded) {
    dead.incrementAndGet();
    connection.publish(cluster + ".dead", message.getData());
    message.term();
    if (decoded != null) {
      LOG.error(
          "{}: CALL {} ({}) failed {} deliveries: dead-lettered on {}.dead and answered with"
              + " InternalError",
          decoded.chargerId(),
          decoded.call().messageId(),
          decoded.call().action().wire(),
          maxDeliver,
          cluster);
      String frame =
          codec.writeError(
              decoded.call().messageId(),
              ErrorCode.INTERNAL_ERROR,
              "this CALL failed " + maxDeliver + " times and was set aside");
      publish(
          decoded.gateway(),
          new Reply(
              decoded.chargerId(), decoded.connectionEpoch(), decoded.call().messageId(), frame));
    }
  }

  private void extendLeases() {
    long now = System.nanoTime();
    for (NatsLease lease : held) {
      if (now - lease.leasedAt < holdLimit.toNanos()) {
        lease.extend();
      }
    }
  }

  /**
   * Local counts (what this process published, acked, saw redelivered, holds, set aside) and the
   * cluster's waiting count from the consumer, refreshed at most once a second. The oldest waiting
   * message is the one after the last the consumer delivered: its age is from the stream's
   * timestamp of it (the NATS server's clock), or zero when nothing waits.
   */
  @Override
  public InboxStats stats() {
    long now = System.nanoTime();
    int waiting = last.waiting();
    if (now - lastStatsAt >= STATS_EVERY.toNanos()) {
      lastStatsAt = now;
      try {
        ConsumerInfo info = management.getConsumerInfo(stream, CONSUMER);
        waiting = (int) Math.min(Integer.MAX_VALUE, info.getNumPending());
        oldestAt =
            waiting == 0
                ? null
                : management
                    .getNextMessage(
                        stream, info.getDelivered().getStreamSequence() + 1, inboxSubject)
                    .getTime()
                    .toInstant();
      } catch (IOException | JetStreamApiException e) {
        LOG.debug("consumer info unavailable: {}", e.toString());
      }
    }
    Instant oldest = oldestAt;
    Duration oldestWaiting =
        oldest == null ? Duration.ZERO : Duration.between(oldest, Instant.now());
    if (oldestWaiting.isNegative()) {
      oldestWaiting = Duration.ZERO; // the NATS server's clock is ahead of ours
    }
    InboxStats stats =
        new InboxStats(
            publisher.published(),
            acked.get(),
            redelivered.get(),
            waiting,
            held.size(),
            oldestWaiting,
            dead.get());
    last = stats;
    return stats;
  }

  /** CALLs dead-lettered by this process. */
  public long deadLettered() {
    return dead.get();
  }

  /** CALLs the inbox did not accept (NATS unavailable); their chargers get the reply deadline. */
  public long publishFailures() {
    return publisher.failures();
  }

  @Override
  public CompletionStage<Boolean> publish(String gateway, Reply reply) {
    return publishAll(gateway, List.of(reply));
  }

  @Override
  public CompletionStage<Boolean> publishAll(String gateway, List<Reply> all) {
    return replies.sendAll(replySubject(gateway), all);
  }

  @Override
  public void subscribe(String gateway, Consumer<Reply> handler) {
    replies.subscribe(replySubject(gateway), handler);
  }

  private String replySubject(String gateway) {
    return cluster + ".node." + gateway + ".reply";
  }

  /**
   * Stops extending leases and closes the connection, which the bus owns from its construction;
   * what this process still holds is redelivered after ack-wait.
   */
  @Override
  public void close() {
    progress.shutdownNow();
    replies.close();
    JetStreamSubscription subscription;
    while ((subscription = idle.poll()) != null) {
      subscription.unsubscribe();
    }
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
