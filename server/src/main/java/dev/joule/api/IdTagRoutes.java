package dev.joule.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** {@code /id-tags}: list, read, create or replace, delete. */
final class IdTagRoutes {
  static final String ID_TAGS = ReadApi.PREFIX + "/id-tags";
  static final String ID_TAG = ID_TAGS + "/:idTag";

  /** An idTag body is a few short fields; anything larger is a mistake. */
  private static final long BODY_LIMIT = 4 * 1024;

  private final IdTags store;
  private final Replies replies;

  IdTagRoutes(IdTags store, Replies replies) {
    this.store = store;
    this.replies = replies;
  }

  void mount(Router router) {
    router.get(ID_TAGS).handler(this::list);
    router.get(ID_TAG).handler(this::one);
    router
        .put(ID_TAG)
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(this::put);
    router.delete(ID_TAG).handler(this::delete);
  }

  private void list(RoutingContext rc) {
    PageRequest page = Query.ofList(rc).page(IdTagStore.LIST, 1);
    replies.json(rc, () -> store.list(page));
  }

  private void one(RoutingContext rc) {
    Query.of(rc);
    String idTag = idTag(rc);
    replies.json(rc, () -> store.find(idTag).orElseThrow(() -> notFound(idTag)));
  }

  private void put(RoutingContext rc) {
    Query.of(rc);
    String idTag = idTag(rc);
    Buffer body = rc.body().buffer(); // null when the request had no body
    IdTagUpdate update =
        IdTagUpdate.parse(idTag, Json.readBody(body == null ? new byte[0] : body.getBytes()));
    replies.reply(
        rc,
        () -> {
          IdTagStore.Put put = store.put(idTag, update);
          return put.created() ? Reply.created(put.tag()) : Reply.ok(put.tag());
        });
  }

  private void delete(RoutingContext rc) {
    Query.of(rc);
    String idTag = idTag(rc);
    replies.reply(
        rc,
        () -> {
          if (!store.delete(idTag)) {
            throw notFound(idTag);
          }
          return Reply.noContent();
        });
  }

  private static String idTag(RoutingContext rc) {
    return Params.text("idTag", rc.pathParam("idTag"), IdTagUpdate.MAX_LENGTH);
  }

  private static ApiException notFound(String idTag) {
    return ApiException.notFound("idTag '" + idTag + "'");
  }
}
