package dev.joule.console;

import dev.joule.api.ApiException;
import dev.joule.api.IdTagView;
import dev.joule.api.IdTags;
import dev.joule.api.Page;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/id-tags}: the idTags Joule authorizes, in keyset pages; a form that creates or
 * replaces one (status, expiry, parent), and block/unblock buttons. Changes go through {@link
 * IdTags}, the same code as {@code PUT /api/v1/id-tags/{idTag}} (local lists are told); every form
 * is a POST with the session's CSRF token, answered 303 back to the list.
 */
final class IdTagPages {
  static final int PAGE_SIZE = 50;

  private final IdTags idTags;
  private final Pages pages;

  IdTagPages(IdTags idTags, Pages pages) {
    this.idTags = idTags;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.ID_TAGS).handler(this::list);
    router.post(Console.ID_TAGS).handler(this::put);
    router.post(Console.ID_TAGS + "/:idTag/status").handler(this::status);
    router.post(Console.ID_TAGS + "/:idTag/delete").handler(this::delete);
  }

  /** A tag as a row of the list, with the status its one button sets. */
  record Row(
      String idTag,
      String status,
      boolean blocked,
      String expiry,
      String parent,
      String updated,
      String statusUrl,
      String deleteUrl,
      String toggleTo,
      String toggleLabel) {
    static Row of(IdTagView tag) {
      boolean blocked = tag.status().equals("Blocked");
      return new Row(
          tag.idTag(),
          tag.status(),
          blocked,
          Format.time(tag.expiryDate()),
          tag.parentIdTag() == null ? "" : tag.parentIdTag(),
          Format.time(tag.updatedAt()),
          Console.ID_TAGS + "/" + Links.segment(tag.idTag()) + "/status",
          Console.ID_TAGS + "/" + Links.segment(tag.idTag()) + "/delete",
          blocked ? "Accepted" : "Blocked",
          blocked ? "Unblock" : "Block");
    }
  }

  private void list(RoutingContext rc) {
    Optional<String> cursor = Forms.optional(rc, "cursor");
    Session session = ConsoleAuth.session(rc);
    pages.respond(
        rc,
        () -> {
          Page<IdTagView> page = idTags.list(PAGE_SIZE, cursor);
          Map<String, Object> scope = new HashMap<>();
          scope.put("title", "Id tags");
          scope.put("csrf", session.csrf());
          scope.put("rows", page.items().stream().map(Row::of).toList());
          scope.put("empty", page.items().isEmpty());
          scope.put(
              "statusOptions",
              IdTags.STATUSES.stream()
                  .map(s -> new ChargerPages.Option(s, s, s.equals("Accepted")))
                  .toList());
          if (page.next() != null) {
            scope.put("next", Console.ID_TAGS + "?cursor=" + Links.segment(page.next()));
          }
          scope.put("firstPage", cursor.isEmpty() ? null : Console.ID_TAGS);
          return Rendered.ok(pages.templates().render("id-tags", scope));
        });
  }

  private void put(RoutingContext rc) {
    var form = rc.request().formAttributes();
    List<String> values =
        List.of("idTag", "status", "expiryDate", "parentIdTag").stream()
            .map(name -> Optional.ofNullable(form.get(name)).orElse("").trim())
            .toList();
    pages.offLoop(
        rc,
        () -> idTags.putForm(values.get(0), values.get(1), values.get(2), values.get(3)),
        tag -> Pages.seeOther(rc, Console.ID_TAGS));
  }

  /** Deletes the tag through {@link IdTags#delete}, as the API's DELETE (local lists are told). */
  private void delete(RoutingContext rc) {
    String idTag = rc.pathParam("idTag");
    pages.offLoop(
        rc,
        () -> {
          if (!idTags.delete(idTag)) {
            throw ApiException.notFound("idTag '" + idTag + "'");
          }
          return idTag;
        },
        deleted -> Pages.seeOther(rc, Console.ID_TAGS));
  }

  private void status(RoutingContext rc) {
    String idTag = rc.pathParam("idTag");
    String status = Optional.ofNullable(rc.request().getFormAttribute("status")).orElse("");
    pages.offLoop(
        rc, () -> idTags.setStatus(idTag, status), tag -> Pages.seeOther(rc, Console.ID_TAGS));
  }
}
