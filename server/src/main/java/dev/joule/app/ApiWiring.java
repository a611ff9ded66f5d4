package dev.joule.app;

import dev.joule.api.CampaignApi;
import dev.joule.api.ChargingProfileApi;
import dev.joule.api.CommandApi;
import dev.joule.api.EventsApi;
import dev.joule.api.IdTags;
import dev.joule.api.LocalListApi;
import dev.joule.api.ReadApi;
import dev.joule.api.Reads;
import dev.joule.api.RegistrationApi;
import dev.joule.api.ReservationApi;
import dev.joule.api.StatusApi;
import dev.joule.api.TokenApi;
import dev.joule.console.Console;
import dev.joule.domain.ChargerConnections;
import dev.joule.domain.access.ApiTokens;
import dev.joule.domain.campaign.Campaigns;
import dev.joule.domain.command.Commands;
import dev.joule.domain.event.RecentEvents;
import dev.joule.domain.localauth.LocalLists;
import dev.joule.domain.reservation.Reservations;
import dev.joule.domain.smartcharging.ChargingProfiles;
import dev.joule.gateway.CallSeconds;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.security.ChargerRegistrations;
import dev.joule.status.Incidents;
import dev.joule.status.Postmortems;
import dev.joule.status.StatusPage;
import dev.joule.store.CampaignRepository;
import dev.joule.store.Database;
import dev.joule.store.ReservationRepository;
import dev.joule.supervision.Health;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The routes of a node with the {@code api} role: the HTTP API, the console, the status page. */
final class ApiWiring {
  /** How often reservations due are expired: a reservation ends at most this late. */
  private static final Duration RESERVATION_EXPIRY_TICK = Duration.ofSeconds(1);

  /**
   * How often campaigns are driven: a freed slot is given to the next charger at most this late.
   */
  private static final Duration CAMPAIGN_TICK = Duration.ofSeconds(1);

  private ApiWiring() {}

  /** {@code health} is read when the console asks: the supervisor is built after the routes. */
  static void mount(
      Router router,
      Config config,
      Database database,
      ChargerConnections connections,
      Commands commands,
      LocalLists localLists,
      ApiTokens tokens,
      RecentEvents recent,
      Supplier<Health> health,
      Clock clock,
      ExecutorService blocking,
      ScheduledExecutorService timers) {
    new RegistrationApi(new ChargerRegistrations(database, clock), connections, blocking)
        .mount(router);
    new CommandApi(commands, blocking).mount(router);
    new TokenApi(tokens, blocking).mount(router);
    Reservations reservations =
        new Reservations(database, new ReservationRepository(), commands, clock, blocking);
    ReservationApi reservationApi = new ReservationApi(reservations, clock, blocking);
    reservationApi.mount(router);
    new LocalListApi(localLists, blocking).mount(router);
    new ChargingProfileApi(new ChargingProfiles(database, commands, clock), blocking).mount(router);
    // OCPP 1.6 §5.13: a reservation ends at its expiryDate; every API node may run this (one
    // idempotent UPDATE of the few open reservations due).
    timers.scheduleWithFixedDelay(
        () -> blocking.execute(reservations::expireDue),
        RESERVATION_EXPIRY_TICK.toMillis(),
        RESERVATION_EXPIRY_TICK.toMillis(),
        TimeUnit.MILLISECONDS);
    // Decision 0015: every API node drives; the campaign's row lock lets one send each wave.
    Campaigns campaigns =
        new Campaigns(
            database,
            new CampaignRepository(),
            commands,
            OcppJson.forCentralSystem(),
            clock,
            blocking);
    new CampaignApi(campaigns, connections, database.dataSource(), clock, blocking).mount(router);
    timers.scheduleWithFixedDelay(
        () -> blocking.execute(campaigns::drive),
        CAMPAIGN_TICK.toMillis(),
        CAMPAIGN_TICK.toMillis(),
        TimeUnit.MILLISECONDS);
    EventsApi eventsApi = new EventsApi(recent, tokens, blocking);
    eventsApi.mount(router);
    new ReadApi(database.dataSource(), connections, clock, blocking, localLists::idTagChanged)
        .mount(router);
    new Console(
            new Reads(database.dataSource(), connections, commands),
            new IdTags(database.dataSource(), clock, localLists::idTagChanged),
            reservationApi,
            localLists,
            commands,
            tokens,
            eventsApi,
            health,
            clock,
            blocking,
            config.tls().isPresent())
        .mount(router);
    Incidents incidents = new Incidents(database.dataSource(), clock);
    new StatusApi(
            database.dataSource(),
            incidents,
            new Postmortems(database.dataSource(), CallSeconds.DELAY_THRESHOLD),
            blocking)
        .mount(router);
    if (config.status().page()) {
      new StatusPage(incidents, clock, blocking).mount(router);
    }
  }
}
