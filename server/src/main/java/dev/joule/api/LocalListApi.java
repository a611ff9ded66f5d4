package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.domain.localauth.LocalLists;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A charger's local authorization list kept by Joule (OCPP 1.6 §3.5): {@code PUT
 * /chargers/{id}/local-list} with {@code {"idTags": [...]}} or {@code {"group": "G"}} (the id tags
 * whose parentIdTag is G, followed as the group changes) sets it (Joule sends it by itself), {@code
 * GET} shows it and where sending it stands.
 */
public final class LocalListApi {
  static final String LOCAL_LIST = ChargerRoutes.CHARGER + "/local-list";

  /** 20-character tags in JSON: room for several thousand. */
  private static final long BODY_LIMIT = 256 * 1024;

  private final LocalLists lists;
  private final Replies replies;

  public LocalListApi(LocalLists lists, Executor blocking) {
    this.lists = lists;
    this.replies = new Replies(blocking);
  }

  /** Adds the routes; mount before {@link ReadApi#mount}. */
  public void mount(Router router) {
    router
        .put(LOCAL_LIST)
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(this::put);
    router.get(LOCAL_LIST).handler(this::get);
  }

  /** A list as the API shows it. */
  record LocalListView(
      String chargerId,
      List<String> idTags,
      String state,
      String detail,
      Integer listVersion,
      List<String> held,
      Instant updatedAt,
      String group) {
    static LocalListView of(LocalLists.View view) {
      return new LocalListView(
          view.chargerId(),
          view.idTags(),
          view.state().wire(),
          view.detail().orElse(null),
          view.listVersion().isPresent() ? view.listVersion().getAsInt() : null,
          view.held(),
          view.updatedAt(),
          view.group().orElse(null));
    }
  }

  private void put(RoutingContext rc) {
    Query.of(rc);
    String chargerId = rc.pathParam("id");
    Buffer raw = rc.body().buffer();
    Wanted body = wanted(Json.readBody(raw == null ? new byte[0] : raw.getBytes()));
    replies.reply(
        rc,
        () ->
            switch (body.group() == null
                ? lists.want(chargerId, body.idTags())
                : lists.wantGroup(chargerId, body.group())) {
              case LocalLists.Want.Wanted wanted -> Reply.ok(LocalListView.of(wanted.view()));
              case LocalLists.Want.UnknownCharger unknown ->
                  throw ApiException.notFound("charger '" + chargerId + "'");
              case LocalLists.Want.UnknownIdTags unknown ->
                  throw ApiException.badParameter(
                      "idTags",
                      "not in Joule's id tags (PUT /id-tags/{idTag} first): "
                          + String.join(", ", unknown.idTags()));
              case LocalLists.Want.TooMany tooMany ->
                  throw ApiException.badParameter(
                      "idTags",
                      tooMany.count()
                          + " tags; the charger holds at most "
                          + tooMany.max()
                          + " (LocalAuthListMaxLength)");
              case LocalLists.Want.EmptyGroup empty ->
                  throw ApiException.badParameter(
                      "group",
                      "no id tag has parentIdTag '"
                          + empty.group()
                          + "' (PUT /id-tags/{idTag} with it first)");
            });
  }

  /** The body of a PUT: either the tags, or a group (then {@code idTags} is empty). */
  private record Wanted(List<String> idTags, String group) {}

  private void get(RoutingContext rc) {
    Query.of(rc);
    String chargerId = rc.pathParam("id");
    replies.json(
        rc,
        () ->
            lists
                .find(chargerId)
                .map(LocalListView::of)
                .orElseThrow(
                    () -> ApiException.notFound("local list of charger '" + chargerId + "'")));
  }

  private static Wanted wanted(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.badParameter("body", "must be a JSON object");
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("idTags") && !name.equals("group")) {
        throw ApiException.badParameter(name, "unknown field; a local list has idTags or group");
      }
    }
    JsonNode group = body.get("group");
    if (group != null) {
      if (body.has("idTags")) {
        throw ApiException.badParameter("group", "give either idTags or group, not both");
      }
      if (!group.isTextual() || group.asText().isBlank()) {
        throw ApiException.badParameter("group", "must be an id tag (a parentIdTag), as a string");
      }
      return new Wanted(List.of(), Params.text("group", group.asText(), IdTagUpdate.MAX_LENGTH));
    }
    JsonNode tags = body.get("idTags");
    if (tags == null || !tags.isArray()) {
      throw ApiException.badParameter("idTags", "is required: an array of id tags");
    }
    List<String> idTags = new ArrayList<>();
    for (JsonNode tag : tags) {
      if (!tag.isTextual()) {
        throw ApiException.badParameter("idTags", "must hold strings only");
      }
      idTags.add(Params.text("idTags", tag.asText(), IdTagUpdate.MAX_LENGTH));
    }
    return new Wanted(idTags, null);
  }
}
