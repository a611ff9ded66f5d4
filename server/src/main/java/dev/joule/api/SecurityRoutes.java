package dev.joule.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A charger's security side (issue 12): {@code GET /chargers/{id}/security-events} (paged, newest
 * first) and {@code GET /chargers/{id}/certificates}.
 */
final class SecurityRoutes {
  static final String SECURITY_EVENTS = ChargerRoutes.CHARGER + "/security-events";
  static final String CERTIFICATES = ChargerRoutes.CHARGER + "/certificates";

  private final SecurityQueries queries;
  private final Replies replies;

  SecurityRoutes(SecurityQueries queries, Replies replies) {
    this.queries = queries;
    this.replies = replies;
  }

  void mount(Router router) {
    router.get(SECURITY_EVENTS).handler(this::events);
    router.get(CERTIFICATES).handler(this::certificates);
  }

  private void events(RoutingContext rc) {
    PageRequest page = Query.ofList(rc).page(SecurityQueries.LIST, 2);
    String id = rc.pathParam("id");
    replies.json(rc, () -> queries.events(id, page));
  }

  private void certificates(RoutingContext rc) {
    Query.of(rc);
    String id = rc.pathParam("id");
    replies.json(rc, () -> queries.certificates(id));
  }
}
