package dev.joule.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events client of {@code /api/v1/events}: events as they arrive, in order. */
final class SseClient implements AutoCloseable {
  /** One event: its id line, event line and data JSON. */
  record Event(String id, String type, JsonNode data) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final Thread reader;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  static SseClient open(URI uri, String token, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET();
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<Stream<String>> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
      if (response.statusCode() != 200) {
        throw new AssertionError("events stream answered " + response.statusCode());
      }
      return new SseClient(response);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  int status() {
    return response.statusCode();
  }

  /** The next event; fails after the wait. */
  Event next() {
    try {
      Event event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        throw new AssertionError("no event within " + WAIT);
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Skips events until one matches; fails after the wait. */
  Event next(Predicate<Event> wanted) {
    while (true) {
      Event event = next();
      if (wanted.test(event)) {
        return event;
      }
    }
  }

  /** True if no event arrives within {@code wait}. */
  boolean quietFor(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  private void read() {
    String id = null;
    String type = "message";
    StringBuilder data = new StringBuilder();
    Iterator<String> lines = response.body().iterator();
    try {
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new Event(id, type, JSON.readTree(data.toString())));
          }
          id = null;
          type = "message";
          data.setLength(0);
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (Exception e) {
      // the stream was closed
    }
  }

  @Override
  public void close() {
    response.body().close();
    reader.interrupt();
  }
}
