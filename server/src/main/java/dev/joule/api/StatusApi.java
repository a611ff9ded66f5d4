package dev.joule.api;

import dev.joule.status.Incident;
import dev.joule.status.Incidents;
import dev.joule.status.Postmortems;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/**
 * The operator side of the status page under {@code /api/v1}: the alert history ({@code GET
 * /alerts?alert=&node=}) and incidents ({@code GET /incidents?status=open|resolved}, {@code GET
 * /incidents/{id}}, {@code POST /incidents}, {@code POST /incidents/{id}/updates}, {@code PATCH
 * /incidents/{id}}, {@code GET /incidents/{id}/postmortem}: the Markdown draft of a resolved
 * incident, 409 while it is open). Lists page like the rest of the API, newest first.
 */
public final class StatusApi {
  static final String ALERTS = ReadApi.PREFIX + "/alerts";
  static final String INCIDENTS = ReadApi.PREFIX + "/incidents";
  static final String INCIDENT = INCIDENTS + "/:id";
  static final String UPDATES = INCIDENT + "/updates";
  static final String POSTMORTEM = INCIDENT + "/postmortem";
  static final String MARKDOWN = "text/markdown; charset=utf-8";
  static final String INCIDENT_LIST = "incidents";
  private static final long BODY_LIMIT = 16 * 1024;

  private final AlertQueries alerts;
  private final Incidents incidents;
  private final Postmortems postmortems;
  private final Replies replies;

  public StatusApi(
      DataSource dataSource, Incidents incidents, Postmortems postmortems, Executor blocking) {
    this.alerts = new AlertQueries(new Database(dataSource));
    this.incidents = incidents;
    this.postmortems = postmortems;
    this.replies = new Replies(blocking);
  }

  public void mount(Router router) {
    router.get(ALERTS).handler(this::alerts);
    router.get(INCIDENTS).handler(this::list);
    router.get(INCIDENT).handler(this::one);
    router.get(POSTMORTEM).handler(this::postmortem);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
    router.post(INCIDENTS).handler(body).handler(this::open);
    router.post(UPDATES).handler(body).handler(this::update);
    router.patch(INCIDENT).handler(body).handler(this::patch);
    // Errors become JSON through the catch-all ReadApi mounts for every /api/v1 path.
  }

  private void alerts(RoutingContext rc) {
    Query query = Query.ofList(rc, "alert", "node");
    Optional<String> alert = query.text("alert");
    Optional<String> node = query.text("node");
    PageRequest page = query.page(AlertQueries.LIST, 2);
    replies.json(rc, () -> alerts.list(alert, node, page));
  }

  private void list(RoutingContext rc) {
    Query query = Query.ofList(rc, "status");
    Optional<Boolean> open =
        query
            .text("status")
            .map(
                value ->
                    switch (value) {
                      case "open" -> true;
                      case "resolved" -> false;
                      default ->
                          throw ApiException.badParameter(
                              "status", "'" + value + "' is not open or resolved");
                    });
    PageRequest page = query.page(INCIDENT_LIST, 2);
    Optional<Map.Entry<Instant, Long>> after =
        page.isFirst()
            ? Optional.empty()
            : Optional.of(Map.entry(page.afterInstant(0), page.afterNumber(1)));
    replies.json(
        rc,
        () ->
            page.page(
                incidents.page(open, after, page.limit() + 1),
                (Incident i) -> List.of(i.openedAt().toString(), Long.toString(i.id()))));
  }

  private void one(RoutingContext rc) {
    Query.of(rc);
    long id = id(rc);
    replies.json(rc, () -> incidents.get(id).orElseThrow(() -> notFound(id)));
  }

  private void postmortem(RoutingContext rc) {
    Query.of(rc);
    long id = id(rc);
    replies.reply(
        rc,
        () ->
            switch (postmortems.draft(id)) {
              case Postmortems.Draft.Missing m -> throw notFound(id);
              case Postmortems.Draft.Unresolved u ->
                  throw ApiException.conflict(
                      "incident "
                          + id
                          + " is "
                          + u.status()
                          + ": its postmortem draft is written once it is resolved");
              case Postmortems.Draft.Ready r -> Reply.text(MARKDOWN, r.markdown());
            });
  }

  private void open(RoutingContext rc) {
    Query.of(rc);
    IncidentBodies.Opening o = IncidentBodies.opening(body(rc));
    replies.reply(
        rc,
        () -> {
          Incident incident =
              incidents.open(o.title(), o.impact(), o.components(), o.status(), o.text());
          return Reply.createdAt(INCIDENTS + "/" + incident.id(), incident);
        });
  }

  private void update(RoutingContext rc) {
    Query.of(rc);
    long id = id(rc);
    IncidentBodies.Update u = IncidentBodies.update(body(rc));
    replies.reply(
        rc,
        () ->
            Reply.createdAt(
                INCIDENTS + "/" + id,
                incidents.update(id, u.status(), u.text()).orElseThrow(() -> notFound(id))));
  }

  private void patch(RoutingContext rc) {
    Query.of(rc);
    long id = id(rc);
    IncidentBodies.Patch p = IncidentBodies.patch(body(rc));
    replies.json(
        rc,
        () ->
            incidents
                .patch(id, p.title(), p.impact(), p.components())
                .orElseThrow(() -> notFound(id)));
  }

  private static com.fasterxml.jackson.databind.JsonNode body(RoutingContext rc) {
    Buffer body = rc.body().buffer();
    return Json.readBody(body == null ? new byte[0] : body.getBytes());
  }

  private static long id(RoutingContext rc) {
    return Params.integer("id", rc.pathParam("id"), 1, Integer.MAX_VALUE);
  }

  private static ApiException notFound(long id) {
    return ApiException.notFound("incident " + id);
  }
}
