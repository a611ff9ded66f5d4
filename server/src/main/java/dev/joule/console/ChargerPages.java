package dev.joule.console;

import dev.joule.api.ApiException;
import dev.joule.api.ChargerDetailView;
import dev.joule.api.ChargerFilter;
import dev.joule.api.ChargerView;
import dev.joule.api.CommandApi;
import dev.joule.api.ConnectorView;
import dev.joule.api.Page;
import dev.joule.api.Reads;
import dev.joule.domain.localauth.LocalLists;
import dev.joule.ocpp.Action;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chargers page ({@code /console/chargers}: filter, search by id prefix, keyset pages) and one
 * charger's page, with the fragments the live updates re-read. All reads go through {@link Reads}.
 */
final class ChargerPages {
  /** Chargers per page: a page stays small however many chargers there are (keyset paging). */
  static final int PAGE_SIZE = 50;

  /** Rows one live re-read may ask for: two pages' worth. */
  static final int ROWS_AT_ONCE = 2 * PAGE_SIZE;

  static final int HISTORY_SHOWN = 20;
  static final int MESSAGES_SHOWN = 20;
  static final int COMMANDS_SHOWN = 20;

  private final Reads reads;
  private final ChargerPanels panels;
  private final Pages pages;

  ChargerPages(Reads reads, LocalLists localLists, Pages pages) {
    this.reads = reads;
    this.panels = new ChargerPanels(reads, localLists, pages);
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.CHARGERS).handler(this::list);
    router.get(Console.CHARGER_LIST).handler(this::listPart);
    router.get(Console.CHARGER_ROWS).handler(this::rows);
    router.get(Console.CHARGERS + "/:id").handler(this::one);
    router.get(Console.CHARGERS + "/:id/connectors").handler(this::connectors);
    router.get(Console.CHARGERS + "/:id/transactions").handler(this::transactions);
    router.get(Console.CHARGERS + "/:id/commands").handler(this::commands);
    router.get(Console.CHARGERS + "/:id/configuration").handler(this::configuration);
    panels.mount(router);
  }

  /** A charger as a row of the list. */
  record Row(
      String id,
      String href,
      String batchUrl,
      boolean connected,
      String connectedSince,
      String lastSeen,
      String vendor,
      String model,
      String firmware,
      List<ConnectorView> connectors) {
    static Row of(ChargerView charger) {
      String href = Links.charger(charger.id());
      return new Row(
          charger.id(),
          href,
          Console.CHARGER_ROWS,
          charger.connected(),
          Format.time(charger.connectedSince()),
          Format.time(charger.lastSeen()),
          charger.vendor(),
          charger.model(),
          charger.firmware(),
          charger.connectors());
    }
  }

  /** One choice of a filter's select. */
  record Option(String value, String label, boolean selected) {}

  private void list(RoutingContext rc) {
    String prefix = Forms.param(rc, "idPrefix");
    String connected = Forms.param(rc, "connected");
    String status = Forms.param(rc, "status");
    Optional<String> cursor = Forms.optional(rc, "cursor");
    Session session = ConsoleAuth.session(rc);
    pages.respond(
        rc,
        () -> {
          Map<String, Object> scope = listScope(prefix, connected, status, cursor);
          scope.put("title", "Chargers");
          scope.put("csrf", session.csrf());
          scope.put("events", Console.EVENTS);
          scope.put("idPrefix", prefix);
          scope.put(
              "connectedOptions",
              List.of(
                  new Option("", "any", connected.isEmpty()),
                  new Option("true", "connected", connected.equals("true")),
                  new Option("false", "disconnected", connected.equals("false"))));
          List<Option> statuses = new ArrayList<>();
          statuses.add(new Option("", "any", status.isEmpty()));
          ChargerFilter.STATUSES.forEach(s -> statuses.add(new Option(s, s, s.equals(status))));
          scope.put("statusOptions", statuses);
          return Rendered.ok(pages.templates().render("chargers", scope));
        });
  }

  /**
   * The list part of the chargers page (rows, paging links), with the page's filters and cursor:
   * re-read when a charger the page has no row of connects, so that it appears where it belongs.
   */
  private void listPart(RoutingContext rc) {
    String prefix = Forms.param(rc, "idPrefix");
    String connected = Forms.param(rc, "connected");
    String status = Forms.param(rc, "status");
    Optional<String> cursor = Forms.optional(rc, "cursor");
    pages.respond(
        rc,
        () ->
            Rendered.ok(
                pages
                    .templates()
                    .render("charger-list", listScope(prefix, connected, status, cursor))));
  }

  private Map<String, Object> listScope(
      String prefix, String connected, String status, Optional<String> cursor) {
    ChargerFilter filter = ChargerFilter.ofForm(prefix, connected, status);
    Page<ChargerView> page = reads.chargers(filter, PAGE_SIZE, cursor);
    Map<String, Object> scope = new HashMap<>();
    scope.put("rows", page.items().stream().map(Row::of).toList());
    scope.put("empty", page.items().isEmpty());
    String filtered = listUrl(Console.CHARGERS, prefix, connected, status);
    if (page.next() != null) {
      scope.put("next", filtered + "&cursor=" + Links.segment(page.next()));
    }
    scope.put("firstPage", cursor.isEmpty() ? null : filtered);
    scope.put(
        "listUrl",
        listUrl(Console.CHARGER_LIST, prefix, connected, status)
            + cursor.map(c -> "&cursor=" + Links.segment(c)).orElse(""));
    return scope;
  }

  /**
   * {@code GET /console/charger-rows?id=..&id=..}: the rows of these chargers in one answer, one
   * query; the live page swaps each in by its {@code data-charger}. At most {@value #ROWS_AT_ONCE}.
   */
  private void rows(RoutingContext rc) {
    List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(rc.queryParam("id")));
    if (ids.size() > ROWS_AT_ONCE) {
      throw ApiException.badParameter("id", ids.size() + " ids; at most " + ROWS_AT_ONCE);
    }
    pages.respond(
        rc,
        () ->
            Rendered.ok(
                pages
                    .templates()
                    .render(
                        "charger-rows",
                        Map.of("rows", reads.chargers(ids).stream().map(Row::of).toList()))));
  }

  private void one(RoutingContext rc) {
    String id = rc.pathParam("id");
    Session session = ConsoleAuth.session(rc);
    pages.respond(
        rc,
        () -> {
          ChargerDetailView charger = find(id);
          String href = Links.charger(id);
          Map<String, Object> scope = new HashMap<>(fragmentScope(id));
          scope.put("title", "Charger " + id);
          scope.put("csrf", session.csrf());
          scope.put("events", Console.EVENTS + "?chargerId=" + Links.segment(id));
          scope.put("row", Row.of(charger.charger()));
          scope.put("detail", charger);
          scope.put("heartbeatText", Format.time(charger.lastHeartbeat()));
          scope.put("registeredText", Format.time(charger.registeredAt()));
          scope.put(
              "history",
              reads.statusHistory(id, HISTORY_SHOWN).stream().map(Format::change).toList());
          scope.put(
              "messages",
              reads.messages(id, MESSAGES_SHOWN).stream().map(Format::message).toList());
          scope.put("actions", CommandApi.ACTIONS.stream().map(Action::wire).toList());
          scope.put("commandFormUrl", href + "/command-form");
          scope.put("commandsPost", href + "/commands");
          scope.put("allTransactionsUrl", Console.TRANSACTIONS + "?chargerId=" + Links.segment(id));
          scope.putAll(transactionScope(id));
          scope.putAll(commandScope(id));
          scope.putAll(configurationScope(id));
          scope.putAll(panels.scope(id));
          scope.put("reservationsUrl", Console.RESERVATIONS + "?chargerId=" + Links.segment(id));
          return Rendered.ok(pages.templates().render("charger", scope));
        });
  }

  private void connectors(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.respond(
        rc,
        () -> {
          Map<String, Object> scope = new HashMap<>(fragmentScope(id));
          scope.put("row", Row.of(find(id).charger()));
          return Rendered.ok(pages.templates().render("connectors", scope));
        });
  }

  private void transactions(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.respond(
        rc, () -> Rendered.ok(pages.templates().render("transactions", transactionScope(id))));
  }

  private void commands(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.respond(rc, () -> Rendered.ok(pages.templates().render("commands", commandScope(id))));
  }

  private void configuration(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.respond(
        rc, () -> Rendered.ok(pages.templates().render("configuration", configurationScope(id))));
  }

  private Map<String, Object> configurationScope(String id) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("configurationUrl", Links.charger(id) + "/configuration");
    reads
        .lastConfiguration(id)
        .ifPresentOrElse(
            read -> scope.put("configuration", Configuration.of(read)),
            () -> scope.put("noConfiguration", true));
    return scope;
  }

  private Map<String, Object> fragmentScope(String id) {
    String href = Links.charger(id);
    return Map.of(
        "connectorsUrl", href + "/connectors",
        "transactionsUrl", href + "/transactions",
        "commandsUrl", href + "/commands");
  }

  private Map<String, Object> transactionScope(String id) {
    var open = reads.openTransactions(id).stream().map(Format::transaction).toList();
    return Map.of(
        "transactions",
        open,
        "noTransaction",
        open.isEmpty(),
        "transactionsUrl",
        Links.charger(id) + "/transactions");
  }

  private Map<String, Object> commandScope(String id) {
    var commands = reads.commands(id, COMMANDS_SHOWN).stream().map(Format::command).toList();
    return Map.of(
        "commands",
        commands,
        "noCommands",
        commands.isEmpty(),
        "commandsUrl",
        Links.charger(id) + "/commands");
  }

  private ChargerDetailView find(String id) {
    return reads.charger(id).orElseThrow(() -> ApiException.notFound("charger '" + id + "'"));
  }

  /** {@code path} with these filters, from the list's first page. */
  private static String listUrl(String path, String prefix, String connected, String status) {
    return path
        + "?idPrefix="
        + Links.segment(prefix)
        + "&connected="
        + Links.segment(connected)
        + "&status="
        + Links.segment(status);
  }
}
