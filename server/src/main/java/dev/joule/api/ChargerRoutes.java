package dev.joule.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /chargers}: the list, one charger, its connector status history and its frames. */
final class ChargerRoutes {
  static final String CHARGERS = ReadApi.PREFIX + "/chargers";
  static final String CHARGER = CHARGERS + "/:id";
  static final String STATUS_HISTORY = CHARGER + "/status-history";
  static final String MESSAGES = CHARGER + "/messages";

  private final ChargerQueries chargers;
  private final StatusHistoryQueries history;
  private final MessageLogQueries messages;
  private final Replies replies;

  ChargerRoutes(
      ChargerQueries chargers,
      StatusHistoryQueries history,
      MessageLogQueries messages,
      Replies replies) {
    this.chargers = chargers;
    this.history = history;
    this.messages = messages;
    this.replies = replies;
  }

  void mount(Router router) {
    router.get(CHARGERS).handler(this::list);
    router.get(CHARGER).handler(this::one);
    router.get(STATUS_HISTORY).handler(this::statusHistory);
    router.get(MESSAGES).handler(this::messages);
  }

  private void messages(RoutingContext rc) {
    PageRequest page = Query.ofList(rc).page(MessageLogQueries.LIST, 2);
    String id = rc.pathParam("id");
    replies.json(rc, () -> messages.recent(id, page));
  }

  private void list(RoutingContext rc) {
    Query query = Query.ofList(rc, "idPrefix", "connected", "status");
    ChargerFilter filter = ChargerFilter.of(query);
    PageRequest page = query.page(ChargerQueries.LIST, 1);
    replies.json(rc, () -> chargers.list(filter, page));
  }

  private void one(RoutingContext rc) {
    Query.of(rc);
    String id = rc.pathParam("id");
    replies.json(
        rc,
        () -> chargers.find(id).orElseThrow(() -> ApiException.notFound("charger '" + id + "'")));
  }

  private void statusHistory(RoutingContext rc) {
    Query query = Query.ofList(rc, "connectorId");
    var connectorId = query.integer("connectorId", 0, Integer.MAX_VALUE);
    PageRequest page = query.page(StatusHistoryQueries.LIST, 2);
    String id = rc.pathParam("id");
    replies.json(rc, () -> history.history(id, connectorId, page));
  }
}
