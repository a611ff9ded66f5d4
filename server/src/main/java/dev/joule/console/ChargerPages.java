package dev.joule.console;

import dev.joule.api.ApiException;
import dev.joule.api.ChargerDetailView;
import dev.joule.api.ChargerFilter;
import dev.joule.api.ChargerView;
import dev.joule.api.ChargingProfileView;
import dev.joule.api.CommandApi;
import dev.joule.api.ConnectorView;
import dev.joule.api.MeterSeries;
import dev.joule.api.Page;
import dev.joule.api.Reads;
import dev.joule.api.TransactionView;
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

  static final int HISTORY_SHOWN = 20;
  static final int MESSAGES_SHOWN = 20;
  static final int COMMANDS_SHOWN = 20;

  /** Tags of a local list shown on the charger's page; the API shows them all. */
  static final int LOCAL_TAGS_SHOWN = 50;

  private final Reads reads;
  private final LocalLists localLists;
  private final Pages pages;

  ChargerPages(Reads reads, LocalLists localLists, Pages pages) {
    this.reads = reads;
    this.localLists = localLists;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.CHARGERS).handler(this::list);
    router.get(Console.CHARGERS + "/:id").handler(this::one);
    router.get(Console.CHARGERS + "/:id/row").handler(this::row);
    router.get(Console.CHARGERS + "/:id/connectors").handler(this::connectors);
    router.get(Console.CHARGERS + "/:id/transactions").handler(this::transactions);
    router.get(Console.CHARGERS + "/:id/commands").handler(this::commands);
    router.get(Console.CHARGERS + "/:id/configuration").handler(this::configuration);
    router.get(Console.CHARGERS + "/:id/local-list").handler(this::localList);
    router.get(Console.CHARGERS + "/:id/charging-profiles").handler(this::chargingProfiles);
    router.get(Console.CHARGERS + "/:id/transactions/:transaction/chart").handler(this::chart);
  }

  /** A charger as a row of the list. */
  record Row(
      String id,
      String href,
      String rowUrl,
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
          href + "/row",
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
          ChargerFilter filter = ChargerFilter.ofForm(prefix, connected, status);
          Page<ChargerView> page = reads.chargers(filter, PAGE_SIZE, cursor);
          Map<String, Object> scope = new HashMap<>();
          scope.put("title", "Chargers");
          scope.put("csrf", session.csrf());
          scope.put("events", Console.EVENTS);
          scope.put("rows", page.items().stream().map(Row::of).toList());
          scope.put("empty", page.items().isEmpty());
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
          String filtered = listUrl(prefix, connected, status);
          if (page.next() != null) {
            scope.put("next", filtered + "&cursor=" + Links.segment(page.next()));
          }
          scope.put("firstPage", cursor.isEmpty() ? null : filtered);
          return Rendered.ok(pages.templates().render("chargers", scope));
        });
  }

  private void row(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.respond(
        rc,
        () ->
            Rendered.ok(
                pages
                    .templates()
                    .render("charger-rows", Map.of("rows", List.of(Row.of(find(id).charger()))))));
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
          scope.putAll(localListScope(id));
          scope.putAll(profilesScope(id));
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

  /** The energy and power chart of one of the charger's open transactions (re-read every 5 s). */
  private void chart(RoutingContext rc) {
    String id = rc.pathParam("id");
    String transaction = rc.pathParam("transaction");
    pages.respond(
        rc,
        () -> {
          TransactionView open =
              reads.openTransactions(id).stream()
                  .filter(t -> Integer.toString(t.id()).equals(transaction))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "open transaction " + transaction + " of charger '" + id + "'"));
          MeterSeries series = reads.meterSeries(open);
          return Rendered.ok(
              pages
                  .templates()
                  .render(
                      "meter-chart",
                      Map.of("panels", MeterChart.of(series), "truncated", series.truncated())));
        });
  }

  private void chargingProfiles(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.respond(
        rc, () -> Rendered.ok(pages.templates().render("charging-profiles", profilesScope(id))));
  }

  /** A stored charging profile; its schedule as the JSON SetChargingProfile sent. */
  record Profile(
      int chargingProfileId,
      int connectorId,
      String purpose,
      int stackLevel,
      String status,
      String updated,
      String schedule) {
    static Profile of(ChargingProfileView view) {
      return new Profile(
          view.chargingProfileId(),
          view.connectorId(),
          view.purpose(),
          view.stackLevel(),
          view.status(),
          Format.time(view.updatedAt()),
          String.valueOf(view.profile().path("chargingSchedule")));
    }
  }

  private Map<String, Object> profilesScope(String id) {
    var profiles = reads.chargingProfiles(id).stream().map(Profile::of).toList();
    return Map.of(
        "profiles",
        profiles,
        "noProfiles",
        profiles.isEmpty(),
        "profilesUrl",
        Links.charger(id) + "/charging-profiles");
  }

  private void localList(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.respond(
        rc, () -> Rendered.ok(pages.templates().render("local-list", localListScope(id))));
  }

  /** The local list Joule keeps for the charger and where sending it stands (OCPP 1.6 §3.5). */
  record LocalList(
      String state,
      String version,
      int count,
      List<String> idTags,
      boolean more,
      String held,
      String detail,
      String updated) {
    static LocalList of(LocalLists.View view) {
      return new LocalList(
          view.state().wire(),
          view.listVersion().isPresent()
              ? Integer.toString(view.listVersion().getAsInt())
              : "none yet",
          view.idTags().size(),
          view.idTags().stream().limit(LOCAL_TAGS_SHOWN).toList(),
          view.idTags().size() > LOCAL_TAGS_SHOWN,
          String.join(", ", view.held()),
          view.detail().orElse(""),
          Format.time(view.updatedAt()));
    }
  }

  private Map<String, Object> localListScope(String id) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("localListUrl", Links.charger(id) + "/local-list");
    localLists
        .find(id)
        .ifPresentOrElse(
            view -> scope.put("localList", LocalList.of(view)),
            () -> scope.put("noLocalList", true));
    return scope;
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

  /** The list with these filters, from its first page. */
  private static String listUrl(String prefix, String connected, String status) {
    return Console.CHARGERS
        + "?idPrefix="
        + Links.segment(prefix)
        + "&connected="
        + Links.segment(connected)
        + "&status="
        + Links.segment(status);
  }
}
