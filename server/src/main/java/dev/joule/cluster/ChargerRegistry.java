package dev.joule.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.joule.bus.nats.KvBuckets;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.PublishOptions;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which gateway node holds which charger's connection: the JetStream KV bucket {@code
 * <cluster>-registry}, key = charger id, value = {@code "<node-id> <epoch>"}.
 *
 * <p>Writes never block the event loop: a connect is an asynchronous publish to the bucket's
 * subject; a disconnect deletes the key only if nothing was written since this node's own put (the
 * expected-last-subject-sequence check), so a late close on one gateway never erases the entry of
 * the charger's newer connection on another.
 */
public final class ChargerRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ChargerRegistry.class);
  private static final Pattern PLAIN = Pattern.compile("[-_A-Za-z0-9]{1,200}");

  /** A charger's connection: on which gateway node, and which connection of it. */
  public record Holder(String node, long epoch) {}

  private final String nodeId;
  private final String subjectPrefix;
  private final JetStream jetStream;
  private final KeyValue bucket;
  private final Map<String, Put> puts = new ConcurrentHashMap<>();
  private final LongAdder failures = new LongAdder();

  private record Put(long epoch, CompletableFuture<PublishAck> ack) {}

  public ChargerRegistry(Connection connection, String cluster, String nodeId) {
    this.nodeId = nodeId;
    String name = cluster + "-registry";
    this.subjectPrefix = "$KV." + name + ".";
    try {
      this.bucket = KvBuckets.open(connection, name, Duration.ZERO);
      this.jetStream = connection.jetStream();
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException(
          "NATS: cannot open the registry bucket " + name + ": " + e, e);
    }
  }

  /** Records that {@code chargerId}'s connection {@code epoch} is held here; then runs after. */
  public void connected(String chargerId, long epoch, Runnable after) {
    CompletableFuture<PublishAck> ack =
        jetStream.publishAsync(
            subjectPrefix + key(chargerId), (nodeId + " " + epoch).getBytes(UTF_8));
    puts.put(chargerId, new Put(epoch, ack));
    ack.whenComplete(
        (done, failure) -> {
          if (failure != null) {
            failed(chargerId, "connect", failure);
          }
          after.run();
        });
  }

  /**
   * Withdraws the entry of {@code chargerId}'s connection {@code epoch}, unless a newer connection
   * (here or on another node) wrote since; then runs after.
   */
  public void disconnected(String chargerId, long epoch, Runnable after) {
    Put put = puts.get(chargerId);
    if (put == null || put.epoch() != epoch || !puts.remove(chargerId, put)) {
      after.run(); // a replaced connection: the newer one owns the entry
      return;
    }
    put.ack()
        .thenCompose(
            ack -> {
              Headers delete = new Headers().put("KV-Operation", "DEL");
              return jetStream.publishAsync(
                  subjectPrefix + key(chargerId),
                  delete,
                  new byte[0],
                  PublishOptions.builder().expectedLastSubjectSequence(ack.getSeqno()).build());
            })
        .whenComplete(
            (done, failure) -> {
              // A failed expectation is the normal case of a charger that already moved on.
              if (failure != null && !(unwrap(failure) instanceof JetStreamApiException)) {
                failed(chargerId, "disconnect", failure);
              }
              after.run();
            });
  }

  /** Where {@code chargerId} is connected, as the bucket says now. Blocks for a round trip. */
  public Optional<Holder> lookup(String chargerId) {
    try {
      KeyValueEntry entry = bucket.get(key(chargerId));
      if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
        return Optional.empty();
      }
      String[] parts = new String(entry.getValue(), UTF_8).split(" ", 2);
      return Optional.of(new Holder(parts[0], Long.parseLong(parts[1])));
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      failures.increment();
      LOG.warn("registry lookup of {} failed: {}", chargerId, e.toString());
      return Optional.empty();
    }
  }

  /** Registry writes or reads that failed (NATS unreachable): the API treats those as offline. */
  public long failures() {
    return failures.sum();
  }

  /**
   * A charger id as a KV key: ids of letters, digits, {@code -} and {@code _} as they are, any
   * other (OCPP allows more in the URL) base64url-encoded behind {@code =}, which no plain key has.
   */
  static String key(String chargerId) {
    if (PLAIN.matcher(chargerId).matches()) {
      return chargerId;
    }
    return "=" + Base64.getUrlEncoder().withoutPadding().encodeToString(chargerId.getBytes(UTF_8));
  }

  private void failed(String chargerId, String what, Throwable failure) {
    failures.increment();
    LOG.warn("registry {} of {} not recorded: {}", what, chargerId, unwrap(failure).toString());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
