package dev.joule.bench;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which JetStream settings the inbox should have, measured: one publisher (as a gateway: async
 * publishes with a message id, at most 5,000 unacknowledged) and four pulling workers (as
 * processors: batches of up to 100, an ack per message) on one stream and one shared durable
 * consumer, for each retention and storage. Prints msg/s from the first publish until the last ack,
 * as median and spread of three runs after a 30 s warm-up. Run by {@code bench/jetstream-settings}.
 */
public final class InboxSettingsProbe {
  private static final int MESSAGES = 100_000;
  private static final int WORKERS = 4;
  private static final byte[] PAYLOAD = new byte[350]; // a typical inbox message
  private static final String STREAM = "probe-inbox";
  private static final String SUBJECT = "probe.inbox.calls";

  private record Setting(RetentionPolicy retention, StorageType storage) {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    List<Setting> settings =
        List.of(
            new Setting(RetentionPolicy.Interest, StorageType.File),
            new Setting(RetentionPolicy.WorkQueue, StorageType.File),
            new Setting(RetentionPolicy.Interest, StorageType.Memory));
    Arrays.fill(PAYLOAD, (byte) 'x');
    // The pulls that end empty (408) are how a drained queue looks: not worth a warning each.
    Options options =
        new Options.Builder().server(url).errorListener(new ErrorListener() {}).build();
    try (Connection connection = Nats.connect(options)) {
      long warmUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < warmUntil) {
        run(connection, settings.get(0), 20_000);
      }
      System.out.printf("%-10s %-7s %s%n", "retention", "storage", "msg/s, 3 runs of " + MESSAGES);
      for (Setting setting : settings) {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          rates.add(run(connection, setting, MESSAGES));
        }
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf(
            "%-10s %-7s median %.0f (%.0f-%.0f)  runs %s%n",
            setting.retention(),
            setting.storage(),
            sorted.get(1),
            sorted.get(0),
            sorted.get(2),
            rates.stream().map(r -> String.format("%.0f", r)).toList());
      }
    }
  }

  /** One run on a fresh stream: msg/s from the first publish until every message was acked. */
  private static double run(Connection connection, Setting setting, int messages) throws Exception {
    JetStreamManagement management = connection.jetStreamManagement();
    if (management.getStreamNames().contains(STREAM)) {
      management.deleteStream(STREAM);
    }
    management.addStream(
        StreamConfiguration.builder()
            .name(STREAM)
            .subjects(SUBJECT)
            .retentionPolicy(setting.retention())
            .storageType(setting.storage())
            .maxAge(Duration.ofHours(1))
            .build());
    management.addOrUpdateConsumer(
        STREAM,
        ConsumerConfiguration.builder()
            .durable("processors")
            .ackPolicy(AckPolicy.Explicit)
            .ackWait(Duration.ofSeconds(5))
            .maxAckPending(100_000)
            .build());
    JetStream jetStream = connection.jetStream();
    AtomicLong acked = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    long started = System.nanoTime();
    for (int w = 0; w < WORKERS; w++) {
      JetStreamSubscription subscription =
          jetStream.subscribe(null, PullSubscribeOptions.bind(STREAM, "processors"));
      workers.add(Thread.ofPlatform().start(() -> work(subscription, acked, messages)));
    }
    Semaphore window = new Semaphore(5_000);
    for (int i = 0; i < messages; i++) {
      window.acquire();
      jetStream
          .publishAsync(SUBJECT, PAYLOAD, PublishOptions.builder().messageId("m-" + i).build())
          .whenComplete((ack, failure) -> window.release());
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    management.deleteStream(STREAM);
    return messages / seconds;
  }

  private static void work(JetStreamSubscription subscription, AtomicLong acked, int messages) {
    try {
      while (acked.get() < messages) {
        subscription.pullNoWait(100, Duration.ofMillis(200));
        int received = 0;
        Message message;
        while (received < 100
            && (message = subscription.nextMessage(Duration.ofSeconds(1))) != null) {
          if (message.isStatusMessage()) {
            break;
          }
          received++;
          message.ack();
          acked.incrementAndGet();
        }
      }
      subscription.unsubscribe();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
