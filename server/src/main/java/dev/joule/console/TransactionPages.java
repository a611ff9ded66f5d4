package dev.joule.console;

import dev.joule.api.Page;
import dev.joule.api.Reads;
import dev.joule.api.TransactionFilter;
import dev.joule.api.TransactionView;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/transactions}: charge sessions, newest first, filtered by charger, idTag and
 * start time, with their energy; the same filter, query and keyset pages as {@code GET
 * /api/v1/transactions}, through {@link Reads}.
 */
final class TransactionPages {
  static final int PAGE_SIZE = 50;

  private final Reads reads;
  private final Pages pages;

  TransactionPages(Reads reads, Pages pages) {
    this.reads = reads;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.TRANSACTIONS).handler(this::list);
  }

  /** A transaction as a row of the list. */
  record Row(
      int id,
      String chargerId,
      String chargerHref,
      int connectorId,
      String idTag,
      boolean open,
      String started,
      String stopped,
      String stopReason,
      String energy) {
    static Row of(TransactionView view) {
      return new Row(
          view.id(),
          view.chargerId(),
          Links.charger(view.chargerId()),
          view.connectorId(),
          view.idTag(),
          view.stopTimestamp() == null,
          Format.time(view.startTimestamp()),
          Format.time(view.stopTimestamp()),
          view.stopReason() == null ? "" : view.stopReason(),
          Format.energy(view.energyWh()));
    }
  }

  private void list(RoutingContext rc) {
    String chargerId = Forms.param(rc, "chargerId");
    String idTag = Forms.param(rc, "idTag");
    String from = Forms.param(rc, "from");
    String to = Forms.param(rc, "to");
    Optional<String> cursor = Forms.optional(rc, "cursor");
    Session session = ConsoleAuth.session(rc);
    pages.respond(
        rc,
        () -> {
          TransactionFilter filter = TransactionFilter.ofForm(chargerId, idTag, from, to);
          Page<TransactionView> page = reads.transactions(filter, PAGE_SIZE, cursor);
          Map<String, Object> scope = new HashMap<>();
          scope.put("title", "Transactions");
          scope.put("csrf", session.csrf());
          scope.put("rows", page.items().stream().map(Row::of).toList());
          scope.put("empty", page.items().isEmpty());
          scope.put("chargerId", chargerId);
          scope.put("idTag", idTag);
          scope.put("from", from);
          scope.put("to", to);
          String filtered =
              Console.TRANSACTIONS
                  + "?chargerId="
                  + Links.segment(chargerId)
                  + "&idTag="
                  + Links.segment(idTag)
                  + "&from="
                  + Links.segment(from)
                  + "&to="
                  + Links.segment(to);
          if (page.next() != null) {
            scope.put("next", filtered + "&cursor=" + Links.segment(page.next()));
          }
          scope.put("firstPage", cursor.isEmpty() ? null : filtered);
          return Rendered.ok(pages.templates().render("transaction-list", scope));
        });
  }
}
