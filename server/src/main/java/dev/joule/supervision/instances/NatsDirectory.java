package dev.joule.supervision.instances;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.bus.nats.KvBuckets;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats in the JetStream KV bucket {@code <cluster>-instances} (one key per node, the latest
 * value only; a key not written for {@value #FORGET_MINUTES} minutes expires) and the supervisor
 * lease in {@code <cluster>-leases}.
 *
 * <p>Heartbeats travel on a connection of their own, so a bus connection busy with megabytes of
 * charger messages does not delay them. Every age is measured on this node's clock from when a
 * value arrived, never by comparing two hosts' clocks: the lease is taken over when its revision
 * has not changed for {@code instance-gone-after}, and renewed every round by its holder.
 */
final class NatsDirectory implements Directory {
  private static final Logger LOG = LoggerFactory.getLogger(NatsDirectory.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final int FORGET_MINUTES = 10;
  private static final String LEASE = "supervisor";

  private final Connection connection;
  private final String nodeId;
  private final String incarnation;
  private final Duration goneAfter;
  private final KeyValue instances;
  private final KeyValue leases;
  private final Map<String, Heard> heard = new ConcurrentHashMap<>();
  private final NatsKeyValueWatchSubscription watch;
  private volatile boolean replayed;
  private volatile String leader = "";
  private long seenLeaseRevision = -1;
  private long seenLeaseSince;
  private long heldLeaseRevision = -1;
  private long lastFailureLog;

  /**
   * Opens the buckets (creating them if this is the cluster's first node) and refuses to start a
   * second live node under {@code nodeId}.
   *
   * @throws IllegalStateException naming the key, when another live node has this id
   */
  NatsDirectory(
      Connection connection,
      String cluster,
      String nodeId,
      String incarnation,
      Duration goneAfter) {
    this.connection = connection;
    this.nodeId = nodeId;
    this.incarnation = incarnation;
    this.goneAfter = goneAfter;
    try {
      this.instances =
          KvBuckets.open(connection, cluster + "-instances", Duration.ofMinutes(FORGET_MINUTES));
      this.leases = KvBuckets.open(connection, cluster + "-leases", Duration.ZERO);
      refuseDuplicate();
      this.watch = instances.watchAll(new Watcher());
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("NATS: cannot open the cluster's KV buckets: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the cluster's KV buckets", e);
    }
  }

  /**
   * A heartbeat under this id that still changes belongs to a live node. One that does not change
   * for gone-after is a dead predecessor (kill -9 and restart) and is taken over.
   */
  private void refuseDuplicate() throws IOException, JetStreamApiException, InterruptedException {
    KeyValueEntry first = instances.get(nodeId);
    if (first == null || first.getOperation() != KeyValueOperation.PUT) {
      return;
    }
    InstanceReport previous = decode(first.getValue());
    LOG.info(
        "node-id {} has a heartbeat (pid {} on {}): watching it for {} ms before taking the id",
        nodeId,
        previous.pid(),
        previous.host(),
        goneAfter.toMillis());
    long deadline = System.nanoTime() + goneAfter.toNanos();
    while (System.nanoTime() - deadline < 0) {
      Thread.sleep(200);
      KeyValueEntry now = instances.get(nodeId);
      if (now == null || now.getOperation() != KeyValueOperation.PUT) {
        return; // it stopped cleanly meanwhile
      }
      if (now.getRevision() != first.getRevision()) {
        InstanceReport live = decode(now.getValue());
        throw new IllegalStateException(
            "node-id: another live node already runs as '"
                + nodeId
                + "' (pid "
                + live.pid()
                + " on "
                + live.host()
                + "); give this node another node-id (JOULE_NODE_ID)");
      }
    }
  }

  @Override
  public void publish(InstanceReport report) {
    try {
      instances.put(nodeId, JSON.writeValueAsBytes(report));
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      failed("heartbeat not published", e);
    }
  }

  @Override
  public Collection<Heard> heard() {
    return heard.values();
  }

  @Override
  public boolean lead() {
    try {
      KeyValueEntry entry = leases.get(LEASE);
      byte[] mine = (nodeId + " " + incarnation).getBytes(UTF_8);
      if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
        heldLeaseRevision = leases.create(LEASE, mine);
        leader = nodeId;
        LOG.info("supervisor lease taken: this node acts as the cluster's supervisor");
        return true;
      }
      String holder = new String(entry.getValue(), UTF_8);
      leader = holder.split(" ", 2)[0];
      long now = System.nanoTime();
      if (entry.getRevision() != seenLeaseRevision) {
        seenLeaseRevision = entry.getRevision();
        seenLeaseSince = now;
      }
      boolean ours = holder.equals(nodeId + " " + incarnation);
      boolean abandoned = now - seenLeaseSince >= goneAfter.toNanos();
      if (!ours && !abandoned) {
        return false;
      }
      heldLeaseRevision = leases.update(LEASE, mine, entry.getRevision());
      if (!ours) {
        LOG.warn(
            "supervisor lease of {} not renewed for {} ms: taken over by this node",
            leader,
            goneAfter.toMillis());
      }
      leader = nodeId;
      return true;
    } catch (JetStreamApiException e) {
      heldLeaseRevision = -1;
      return false; // another node renewed or took it first
    } catch (IOException | RuntimeException e) {
      heldLeaseRevision = -1;
      failed("supervisor lease not checked", e);
      return false;
    }
  }

  @Override
  public String leader() {
    return leader;
  }

  private void failed(String what, Exception e) {
    long now = System.nanoTime();
    if (now - lastFailureLog >= Duration.ofSeconds(30).toNanos() || lastFailureLog == 0) {
      lastFailureLog = now;
      LOG.warn("{}: {} (repeats are not logged for 30 s)", what, e.toString());
    }
  }

  @Override
  public void close() {
    try {
      instances.delete(nodeId);
      if (heldLeaseRevision > 0) {
        leases.delete(LEASE, heldLeaseRevision);
      }
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      LOG.debug("heartbeat not withdrawn at stop: {}", e.toString());
    }
    try {
      watch.unsubscribe();
    } catch (RuntimeException e) {
      LOG.debug("heartbeat watch not closed: {}", e.toString());
    }
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static InstanceReport decode(byte[] value) throws IOException {
    return JSON.readValue(value, InstanceReport.class);
  }

  /** Keeps {@link #heard} current: the server pushes every put and delete of the bucket. */
  private final class Watcher implements KeyValueWatcher {
    @Override
    public void watch(KeyValueEntry entry) {
      if (entry.getOperation() != KeyValueOperation.PUT) {
        heard.remove(entry.getKey());
        return;
      }
      try {
        InstanceReport report = decode(entry.getValue());
        long now = System.nanoTime();
        // What is already in the bucket at start arrived before we looked: its age is the best
        // guess (this one comparison of two clocks only delays judging a long-dead node).
        long age = replayed ? 0 : Math.max(0, System.currentTimeMillis() - report.at()) * 1_000_000;
        heard.put(entry.getKey(), new Heard(report, now - age));
      } catch (IOException e) {
        LOG.warn("heartbeat of {} not readable: {}", entry.getKey(), e.toString());
      }
    }

    @Override
    public void endOfData() {
      replayed = true;
    }
  }
}
