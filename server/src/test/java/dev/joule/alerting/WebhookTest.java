package dev.joule.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookTest {
  @Test
  void aFailedPostIsRetriedWithBackoffUntilDelivered() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger attempts = new AtomicInteger();
    List<String> bodies = new CopyOnWriteArrayList<>();
    CountDownLatch delivered = new CountDownLatch(1);
    server.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          int status = attempts.incrementAndGet() < 3 ? 500 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
          if (status == 204) {
            delivered.countDown();
          }
        });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    try (Webhook webhook = new Webhook(url, Duration.ofMillis(10))) {
      Instant t = Instant.parse("2026-11-24T10:00:00Z");
      long before = System.nanoTime();
      webhook.accept(
          new AlertEvent(
              "ProcessingStalled", "firing", Severity.CRITICAL, t, t, "FIRING ProcessingStalled"));
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(100));

      assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(attempts).hasValue(3);
      assertThat(bodies)
          .allSatisfy(b -> assertThat(b).contains("\"text\":\"FIRING ProcessingStalled\""));
    } finally {
      server.stop(0);
    }
  }
}
