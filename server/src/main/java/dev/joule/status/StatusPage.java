package dev.joule.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public status page, without a token: {@code GET /status} (HTML, server-rendered), {@code GET
 * /status.json} (the same as JSON), {@code GET /status/incidents/{id}} (one incident with its
 * chart) and {@code GET /status/feed.atom} (incident updates); {@code GET /} leads to the operator
 * console, which links here. Everything is read from the database, so every API node shows what the
 * acting supervisor recorded. JDBC runs on {@code blocking}, never on the event loop.
 */
public final class StatusPage {
  private static final Logger LOG = LoggerFactory.getLogger(StatusPage.class);
  static final int OPEN_SHOWN = 20;
  static final int PAST_SHOWN = 10;
  static final int FEED_ENTRIES = 50;
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(
              new SimpleModule()
                  .addSerializer(Instant.class, ToStringSerializer.instance)
                  .addSerializer(LocalDate.class, ToStringSerializer.instance));

  private final Incidents incidents;
  private final Clock clock;
  private final Executor blocking;

  public StatusPage(Incidents incidents, Clock clock, Executor blocking) {
    this.incidents = incidents;
    this.clock = clock;
    this.blocking = blocking;
  }

  /** What the page shows. */
  record Snapshot(
      Instant at,
      String status,
      List<ComponentView> components,
      List<Incident> open,
      List<Incident> past) {}

  public void mount(Router router) {
    router
        .get("/status")
        .handler(rc -> answer(rc, "text/html; charset=utf-8", () -> StatusHtml.page(snapshot())));
    router
        .get("/status.json")
        .handler(rc -> answer(rc, "application/json", () -> json(snapshot())));
    router
        .get("/status/incidents/:id")
        .handler(
            rc -> {
              String id = rc.pathParam("id");
              if (!id.matches("[0-9]{1,18}")) {
                rc.response().setStatusCode(404).end("no incident '" + id + "'\n");
                return;
              }
              answerPage(
                  rc,
                  () -> incidents.charted(Long.parseLong(id)).map(IncidentHtml::page),
                  "no incident " + id);
            });
    router
        .get("/status/feed.atom")
        .handler(
            rc ->
                answer(
                    rc,
                    "application/atom+xml; charset=utf-8",
                    () -> AtomFeed.of(incidents.recentUpdates(FEED_ENTRIES), clock.instant())));
  }

  Snapshot snapshot() {
    List<ComponentView> components = incidents.components();
    List<Incident> open = incidents.page(Optional.of(true), Optional.empty(), OPEN_SHOWN);
    List<Incident> past = incidents.page(Optional.of(false), Optional.empty(), PAST_SHOWN);
    return new Snapshot(clock.instant(), overall(components), components, open, past);
  }

  /** The worst component state, as the page's banner says it. */
  static String overall(List<ComponentView> components) {
    ComponentState worst = ComponentState.OPERATIONAL;
    for (ComponentView component : components) {
      worst = worst.worse(ComponentState.ofWire(component.status()));
    }
    return worst.wire();
  }

  private static String json(Snapshot snapshot) {
    List<Incident> incidents = new ArrayList<>(snapshot.open());
    incidents.addAll(snapshot.past());
    try {
      return JSON.writeValueAsString(
          Map.of(
              "updatedAt", snapshot.at(),
              "status", snapshot.status(),
              "components", snapshot.components(),
              "incidents", incidents));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void answer(RoutingContext rc, String type, Supplier<String> body) {
    answer(rc, type, () -> Optional.of(body.get()), "");
  }

  private void answerPage(RoutingContext rc, Supplier<Optional<String>> body, String missing) {
    answer(rc, "text/html; charset=utf-8", body, missing);
  }

  /** Runs {@code body} off the event loop; empty: 404 with {@code missing}. */
  private void answer(
      RoutingContext rc, String type, Supplier<Optional<String>> body, String missing) {
    Context context = rc.vertx().getOrCreateContext();
    CompletableFuture.supplyAsync(body, blocking)
        .whenComplete(
            (text, failure) ->
                context.runOnContext(
                    v -> {
                      if (failure != null) {
                        LOG.error("{} failed", rc.request().path(), failure);
                        rc.response().setStatusCode(500).end("internal error");
                      } else if (text.isEmpty()) {
                        rc.response().setStatusCode(404).end(missing + "\n");
                      } else {
                        rc.response()
                            .putHeader("Content-Type", type)
                            .putHeader("Cache-Control", "no-cache")
                            .end(text.get());
                      }
                    }));
  }
}
