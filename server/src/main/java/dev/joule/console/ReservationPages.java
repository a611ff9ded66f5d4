package dev.joule.console;

import dev.joule.api.Page;
import dev.joule.api.ReservationApi;
import dev.joule.api.ReservationView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/reservations}: reservations newest first, filtered by charger and status, with a
 * form that creates one (ReserveNow is sent) and a Cancel button (CancelReservation is sent). The
 * same steps as {@code /api/v1/reservations} ({@link ReservationApi}); the rows re-read themselves
 * every few seconds, so a charger's answer shows without a reload.
 */
final class ReservationPages {
  static final int PAGE_SIZE = 50;

  private final ReservationApi reservations;
  private final Pages pages;

  ReservationPages(ReservationApi reservations, Pages pages) {
    this.reservations = reservations;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.RESERVATIONS).handler(this::list);
    router.get(Console.RESERVATIONS + "/rows").handler(this::rows);
    router.post(Console.RESERVATIONS).handler(this::create);
    router.post(Console.RESERVATIONS + "/:id/cancel").handler(this::cancel);
  }

  /** A reservation as a row of the list. */
  record Row(
      int id,
      String chargerId,
      String chargerHref,
      int connectorId,
      String idTag,
      String parentIdTag,
      String expiry,
      String status,
      boolean cancellable,
      String cancelUrl) {
    static Row of(ReservationView view) {
      return new Row(
          view.id(),
          view.chargerId(),
          Links.charger(view.chargerId()),
          view.connectorId(),
          view.idTag(),
          view.parentIdTag() == null ? "" : view.parentIdTag(),
          Format.time(view.expiryDate()),
          view.status(),
          view.status().equals("pending") || view.status().equals("reserved"),
          Console.RESERVATIONS + "/" + view.id() + "/cancel");
    }
  }

  private void list(RoutingContext rc) {
    respond(rc, "reservations");
  }

  /** The rows alone, as the page re-reads them. */
  private void rows(RoutingContext rc) {
    respond(rc, "reservation-rows");
  }

  private void respond(RoutingContext rc, String template) {
    String chargerId = Forms.param(rc, "chargerId");
    String status = Forms.param(rc, "status");
    Optional<String> cursor = Forms.optional(rc, "cursor");
    Session session = ConsoleAuth.session(rc);
    pages.respond(
        rc,
        () -> {
          Map<String, Object> scope = rowsScope(chargerId, status, cursor);
          scope.put("title", "Reservations");
          scope.put("csrf", session.csrf());
          scope.put("chargerId", chargerId);
          List<ChargerPages.Option> statuses = new ArrayList<>();
          statuses.add(new ChargerPages.Option("", "any", status.isEmpty()));
          ReservationApi.STATUSES.forEach(
              s -> statuses.add(new ChargerPages.Option(s, s, s.equals(status))));
          scope.put("statusOptions", statuses);
          return Rendered.ok(pages.templates().render(template, scope));
        });
  }

  private Map<String, Object> rowsScope(String chargerId, String status, Optional<String> cursor) {
    Optional<String> charger = Optional.of(chargerId).filter(id -> !id.isEmpty());
    Page<ReservationView> page = reservations.list(charger, status, PAGE_SIZE, cursor);
    String filtered = "?chargerId=" + Links.segment(chargerId) + "&status=" + Links.segment(status);
    String at = cursor.map(c -> filtered + "&cursor=" + Links.segment(c)).orElse(filtered);
    Map<String, Object> scope = new HashMap<>();
    scope.put("rows", page.items().stream().map(Row::of).toList());
    scope.put("empty", page.items().isEmpty());
    scope.put("rowsUrl", Console.RESERVATIONS + "/rows" + at);
    if (page.next() != null) {
      scope.put("next", Console.RESERVATIONS + filtered + "&cursor=" + Links.segment(page.next()));
    }
    scope.put("firstPage", cursor.isEmpty() ? null : Console.RESERVATIONS + filtered);
    return scope;
  }

  private void create(RoutingContext rc) {
    var form = rc.request().formAttributes();
    List<String> values =
        List.of("chargerId", "connectorId", "idTag", "parentIdTag", "expiryDate").stream()
            .map(name -> Optional.ofNullable(form.get(name)).orElse("").trim())
            .toList();
    pages.offLoop(
        rc,
        () ->
            reservations.createForm(
                values.get(0), values.get(1), values.get(2), values.get(3), values.get(4)),
        created -> Pages.seeOther(rc, Console.RESERVATIONS));
  }

  /** Sends CancelReservation without waiting: the rows show the charger's answer when it comes. */
  private void cancel(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.offLoop(
        rc,
        () -> reservations.cancel(id, Optional.empty()),
        cancelling -> Pages.seeOther(rc, Console.RESERVATIONS));
  }
}
