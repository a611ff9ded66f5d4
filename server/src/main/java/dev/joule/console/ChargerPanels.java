package dev.joule.console;

import dev.joule.api.ApiException;
import dev.joule.api.ChargingProfileView;
import dev.joule.api.MeterSeries;
import dev.joule.api.Reads;
import dev.joule.api.TransactionView;
import dev.joule.domain.localauth.LocalLists;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The panels of a charger's page that re-read themselves: the running transaction's meter chart
 * (every 5 s), the charging profiles as stored (on a command's status change) and the local list
 * (every 3 s). Reads through {@link Reads} and the same {@link LocalLists} as the API.
 */
final class ChargerPanels {
  /** Tags of a local list shown on the charger's page; the API shows them all. */
  static final int LOCAL_TAGS_SHOWN = 50;

  private final Reads reads;
  private final LocalLists localLists;
  private final Pages pages;

  ChargerPanels(Reads reads, LocalLists localLists, Pages pages) {
    this.reads = reads;
    this.localLists = localLists;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.CHARGERS + "/:id/local-list").handler(this::localList);
    router.post(Console.CHARGERS + "/:id/local-list/clear").handler(this::clearLocalList);
    router.get(Console.CHARGERS + "/:id/charging-profiles").handler(this::chargingProfiles);
    router.get(Console.CHARGERS + "/:id/transactions/:transaction/chart").handler(this::chart);
  }

  /** What the charger's page shows of these panels when it is first rendered. */
  Map<String, Object> scope(String id) {
    Map<String, Object> scope = new HashMap<>(localListScope(id));
    scope.putAll(profilesScope(id));
    return scope;
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
                      Map.of(
                          "panels",
                          MeterChart.of(series),
                          "truncated",
                          series.truncated(),
                          "transactionId",
                          open.id(),
                          "energy",
                          Format.energy(open.energyWh()))));
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
    String csrf = ConsoleAuth.session(rc).csrf();
    pages.respond(
        rc,
        () -> {
          Map<String, Object> scope = localListScope(id);
          scope.put("csrf", csrf);
          return Rendered.ok(pages.templates().render("local-list", scope));
        });
  }

  /**
   * Empties the list Joule keeps for the charger: the same {@link LocalLists#want} as {@code PUT
   * /api/v1/chargers/{id}/local-list} with {@code {"idTags": []}}; Joule then sends the charger the
   * SendLocalList that removes every tag (OCPP 1.6 §5.15). 303 back to the charger's page.
   */
  private void clearLocalList(RoutingContext rc) {
    String id = rc.pathParam("id");
    pages.offLoop(
        rc,
        () ->
            switch (localLists.want(id, List.of())) {
              case LocalLists.Want.Wanted wanted -> id;
              case LocalLists.Want.UnknownCharger unknown ->
                  throw ApiException.notFound("charger '" + id + "'");
              case LocalLists.Want.UnknownIdTags unknown ->
                  throw new IllegalStateException("an empty list names no tag");
              case LocalLists.Want.TooMany tooMany ->
                  throw new IllegalStateException("an empty list is not too long");
              case LocalLists.Want.EmptyGroup group ->
                  throw new IllegalStateException("an empty list names no group");
            },
        cleared -> Pages.seeOther(rc, Links.charger(id)));
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
    scope.put("clearLocalListUrl", Links.charger(id) + "/local-list/clear");
    localLists
        .find(id)
        .ifPresentOrElse(
            view -> scope.put("localList", LocalList.of(view)),
            () -> scope.put("noLocalList", true));
    return scope;
  }
}
