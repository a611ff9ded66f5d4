package dev.joule.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs alert events as JSON to one URL from its own thread: {@link #accept} only enqueues, so a
 * slow or dead endpoint never blocks the supervisor, let alone processing. A failed POST is retried
 * with exponential backoff (1 s, 2 s, 4 s, … up to 5 attempts); when the queue is full the newest
 * event is dropped and logged.
 */
public final class Webhook implements Consumer<AlertEvent>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Webhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 5;

  private final URI url;
  private final Duration firstBackoff;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final BlockingQueue<AlertEvent> queue = new ArrayBlockingQueue<>(1000);
  private final Thread sender;

  public Webhook(URI url) {
    this(url, Duration.ofSeconds(1));
  }

  Webhook(URI url, Duration firstBackoff) {
    this.url = url;
    this.firstBackoff = firstBackoff;
    this.sender = Thread.ofPlatform().daemon().name("alert-webhook").start(this::run);
  }

  @Override
  public void accept(AlertEvent event) {
    if (!queue.offer(event)) {
      LOG.warn("alert webhook queue full; dropped {} {}", event.alert(), event.state());
    }
  }

  private void run() {
    try {
      while (true) {
        send(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(AlertEvent event) throws InterruptedException {
    String body = body(event);
    Duration backoff = firstBackoff;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          return;
        }
        LOG.warn("alert webhook answered {} (attempt {})", response.statusCode(), attempt);
      } catch (IOException e) {
        LOG.warn("alert webhook failed (attempt {}): {}", attempt, e.toString());
      }
      if (attempt < ATTEMPTS) {
        Thread.sleep(backoff); // backoff between retries, on the webhook's own thread
        backoff = backoff.multipliedBy(2);
      }
    }
    LOG.error(
        "alert webhook gave up on {} {} after {} attempts", event.alert(), event.state(), ATTEMPTS);
  }

  static String body(AlertEvent event) {
    try {
      return JSON.writeValueAsString(
          Map.of(
              "text", event.text(),
              "alert", event.alert(),
              "state", event.state(),
              "severity", event.severity().wire(),
              "at", event.at().toString(),
              "since", event.since().toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    sender.interrupt();
  }
}
