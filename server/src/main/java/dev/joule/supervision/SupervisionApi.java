package dev.joule.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.joule.processing.Processor;
import dev.joule.processing.WorkerState;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP side of supervision:
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process runs;
 *   <li>{@code GET /health/ready}: 200 when processing progresses and the database answers, else
 *       503 with the reasons;
 *   <li>{@code GET /metrics}: Prometheus text format;
 *   <li>{@code GET /api/v1/health}: the same numbers as JSON, per worker;
 *   <li>with {@code fault-injection} only: {@code POST /api/v1/faults/hang-workers} {@code
 *       {"count":N,"seconds":S}}, {@code POST /api/v1/faults/slow-db} {@code
 *       {"millis":M,"seconds":S}}, {@code POST /api/v1/faults/clear}; without it they do not exist
 *       (404).
 * </ul>
 *
 * Every handler reads snapshots the supervisor keeps: nothing here blocks the event loop.
 */
public final class SupervisionApi {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .registerModule(
              new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

  private final Supervisor supervisor;
  private final Metrics metrics;
  private final Processor processor;
  private final Optional<FaultInjection> faults;

  public SupervisionApi(
      Supervisor supervisor,
      Metrics metrics,
      Processor processor,
      Optional<FaultInjection> faults) {
    this.supervisor = supervisor;
    this.metrics = metrics;
    this.processor = processor;
    this.faults = faults;
  }

  public void mount(Router router) {
    router.get("/health/live").handler(rc -> json(rc.response(), 200, Map.of("status", "up")));
    router.get("/health/ready").handler(this::ready);
    router.get("/metrics").handler(this::metrics);
    router.get("/api/v1/health").handler(rc -> json(rc.response(), 200, supervisor.health()));
    if (faults.isPresent()) {
      router.post("/api/v1/faults/*").handler(BodyHandler.create().setBodyLimit(4096));
      router.post("/api/v1/faults/hang-workers").handler(this::hangWorkers);
      router.post("/api/v1/faults/slow-db").handler(this::slowDb);
      router.post("/api/v1/faults/clear").handler(this::clear);
    }
  }

  private void ready(RoutingContext rc) {
    Health health = supervisor.health();
    json(
        rc.response(),
        health.ready() ? 200 : 503,
        Map.of("status", health.ready() ? "ready" : "not ready", "reasons", health.reasons()));
  }

  private void metrics(RoutingContext rc) {
    rc.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape());
  }

  private void hangWorkers(RoutingContext rc) {
    JsonNode body = body(rc);
    if (body == null) {
      return;
    }
    int count = body.path("count").asInt(0);
    int seconds = body.path("seconds").asInt(0);
    if (count < 1 || seconds < 1) {
      json(rc.response(), 400, Map.of("error", "count and seconds must be whole numbers above 0"));
      return;
    }
    int[] generations = processor.workers().stream().mapToInt(WorkerState::generation).toArray();
    faults.orElseThrow().hangWorkers(count, Duration.ofSeconds(seconds), generations);
    json(
        rc.response(),
        200,
        Map.of("hanging", Math.min(count, generations.length), "seconds", seconds));
  }

  private void slowDb(RoutingContext rc) {
    JsonNode body = body(rc);
    if (body == null) {
      return;
    }
    int millis = body.path("millis").asInt(0);
    int seconds = body.path("seconds").asInt(0);
    if (millis < 1 || seconds < 1) {
      json(rc.response(), 400, Map.of("error", "millis and seconds must be whole numbers above 0"));
      return;
    }
    faults.orElseThrow().slowDatabase(Duration.ofMillis(millis), Duration.ofSeconds(seconds));
    json(rc.response(), 200, Map.of("millis", millis, "seconds", seconds));
  }

  private void clear(RoutingContext rc) {
    faults.orElseThrow().clear();
    json(rc.response(), 200, Map.of("cleared", true));
  }

  private static JsonNode body(RoutingContext rc) {
    try {
      JsonNode node = JSON.readTree(rc.body().asString() == null ? "{}" : rc.body().asString());
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // answered below
    }
    json(rc.response(), 400, Map.of("error", "body: must be a JSON object"));
    return null;
  }

  private static void json(HttpServerResponse response, int status, Object body) {
    try {
      response
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .end(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
