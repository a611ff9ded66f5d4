package dev.joule.console;

import dev.joule.api.ChargingProfileFilter;
import dev.joule.api.ChargingProfileView;
import dev.joule.api.Page;
import dev.joule.api.Reads;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /console/charging-profiles}: the charging profiles stored across the fleet (what accepted
 * SetChargingProfile commands left on each charger, with their status), filtered by charger,
 * purpose and status, in keyset pages; the same filter, query and pages as {@code GET
 * /api/v1/charging-profiles}. A charger's own page shows its profiles live.
 */
final class ChargingProfilePages {
  static final int PAGE_SIZE = 50;

  private final Reads reads;
  private final Pages pages;

  ChargingProfilePages(Reads reads, Pages pages) {
    this.reads = reads;
    this.pages = pages;
  }

  void mount(Router router) {
    router.get(Console.CHARGING_PROFILES).handler(this::list);
  }

  /** A stored profile as a row; its schedule as the JSON SetChargingProfile sent. */
  record Row(
      String chargerId,
      String chargerHref,
      int chargingProfileId,
      int connectorId,
      String purpose,
      int stackLevel,
      String status,
      String updated,
      String schedule) {
    static Row of(ChargingProfileView view) {
      return new Row(
          view.chargerId(),
          Links.charger(view.chargerId()),
          view.chargingProfileId(),
          view.connectorId(),
          view.purpose(),
          view.stackLevel(),
          view.status(),
          Format.time(view.updatedAt()),
          String.valueOf(view.profile().path("chargingSchedule")));
    }
  }

  private void list(RoutingContext rc) {
    String chargerId = Forms.param(rc, "chargerId");
    String purpose = Forms.param(rc, "purpose");
    String status = Forms.param(rc, "status");
    Optional<String> cursor = Forms.optional(rc, "cursor");
    Session session = ConsoleAuth.session(rc);
    pages.respond(
        rc,
        () -> {
          ChargingProfileFilter filter = ChargingProfileFilter.ofForm(chargerId, purpose, status);
          Page<ChargingProfileView> page = reads.chargingProfiles(filter, PAGE_SIZE, cursor);
          Map<String, Object> scope = new HashMap<>();
          scope.put("title", "Charging profiles");
          scope.put("csrf", session.csrf());
          scope.put("rows", page.items().stream().map(Row::of).toList());
          scope.put("empty", page.items().isEmpty());
          scope.put("chargerId", chargerId);
          scope.put("purposeOptions", options(ChargingProfileFilter.PURPOSES, purpose));
          scope.put("statusOptions", options(ChargingProfileFilter.STATUSES, status));
          String filtered =
              Console.CHARGING_PROFILES
                  + "?chargerId="
                  + Links.segment(chargerId)
                  + "&purpose="
                  + Links.segment(purpose)
                  + "&status="
                  + Links.segment(status);
          if (page.next() != null) {
            scope.put("next", filtered + "&cursor=" + Links.segment(page.next()));
          }
          scope.put("firstPage", cursor.isEmpty() ? null : filtered);
          return Rendered.ok(pages.templates().render("charging-profile-list", scope));
        });
  }

  private static List<ChargerPages.Option> options(List<String> values, String chosen) {
    List<ChargerPages.Option> options = new ArrayList<>();
    options.add(new ChargerPages.Option("", "any", chosen.isEmpty()));
    values.forEach(v -> options.add(new ChargerPages.Option(v, v, v.equals(chosen))));
    return options;
  }
}
