package dev.joule.api;

import dev.joule.store.ReservationRepository;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a charger holds because of answered commands ({@code docs/commands.md}, side effects):
 * {@code GET /chargers/{id}/reservations} and {@code GET
 * /chargers/{id}/charging-profiles[?connectorId=&status=]}, each in one page ordered by id (a
 * charger holds few); and the fleet's profiles, {@code GET
 * /charging-profiles[?chargerId=&purpose=&status=]} in keyset pages by charger and profile id.
 */
final class ChargerStateRoutes {
  static final String RESERVATIONS = ChargerRoutes.CHARGER + "/reservations";
  static final String CHARGING_PROFILES = ChargerRoutes.CHARGER + "/charging-profiles";

  /** The fleet's charging profiles as stored, filtered, in keyset pages. */
  static final String FLEET_PROFILES = ReadApi.PREFIX + "/charging-profiles";

  private final Database database;
  private final ChargingProfileQueries profiles;
  private final ReservationRepository reservations = new ReservationRepository();
  private final Replies replies;

  ChargerStateRoutes(Database database, Replies replies) {
    this.database = database;
    this.profiles = new ChargingProfileQueries(database);
    this.replies = replies;
  }

  void mount(Router router) {
    router.get(RESERVATIONS).handler(this::reservations);
    router.get(CHARGING_PROFILES).handler(this::chargingProfiles);
    router.get(FLEET_PROFILES).handler(this::fleetProfiles);
  }

  private void fleetProfiles(RoutingContext rc) {
    Query query = Query.ofList(rc, "chargerId", "purpose", "status");
    ChargingProfileFilter filter = ChargingProfileFilter.of(query);
    PageRequest page = query.page(ChargingProfileQueries.LIST, 2);
    replies.json(rc, () -> profiles.list(filter, page));
  }

  /** A reservation as ReserveNow sent it, with the status its commands gave it. */
  record ReservationView(
      int reservationId,
      int connectorId,
      String idTag,
      String parentIdTag,
      Instant expiryDate,
      String status,
      Long commandId,
      Integer transactionId,
      Instant updatedAt) {}

  private void reservations(RoutingContext rc) {
    Query.of(rc);
    String id = rc.pathParam("id");
    replies.json(
        rc,
        () ->
            new Page<>(
                database.run(connection -> reservations.ofCharger(connection, id)).stream()
                    .map(
                        r ->
                            new ReservationView(
                                r.reservationId(),
                                r.connectorId(),
                                r.idTag(),
                                r.parentIdTag().orElse(null),
                                r.expiryDate(),
                                r.status(),
                                r.commandId().orElse(null),
                                r.transactionId().orElse(null),
                                r.updatedAt()))
                    .toList(),
                null));
  }

  /** The statuses a charging profile row can have (V4's {@code charging_profile.status}). */
  static final List<String> PROFILE_STATUSES =
      List.of("installed", "replaced", "cleared", "rejected", "notsupported");

  private void chargingProfiles(RoutingContext rc) {
    Query query = Query.of(rc, "connectorId", "status");
    Optional<Integer> connectorId = query.integer("connectorId", 0, 1_000);
    Optional<String> status = query.text("status");
    if (status.isPresent() && !PROFILE_STATUSES.contains(status.get())) {
      throw ApiException.badParameter(
          "status", "'" + status.get() + "' is not one of " + String.join(", ", PROFILE_STATUSES));
    }
    String id = rc.pathParam("id");
    replies.json(
        rc,
        () ->
            new Page<>(
                profiles.ofCharger(id).stream()
                    .filter(p -> connectorId.isEmpty() || p.connectorId() == connectorId.get())
                    .filter(p -> status.isEmpty() || p.status().equals(status.get()))
                    .toList(),
                null));
  }
}
