package dev.joule.console;

import dev.joule.api.ApiException;
import dev.joule.api.EventsApi;
import dev.joule.api.IdTags;
import dev.joule.api.Reads;
import dev.joule.api.ReservationApi;
import dev.joule.domain.access.ApiTokens;
import dev.joule.domain.command.Commands;
import dev.joule.domain.localauth.LocalLists;
import dev.joule.supervision.Health;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console: {@code GET /} leads to it, {@code /console/login} opens a session with an
 * API token, then chargers, one charger (with its command form), health. Built by {@code app} on
 * nodes with the {@code api} role; docs/console.md.
 */
public final class Console {
  static final String ROOT = "/console";
  static final String LOGIN = ROOT + "/login";
  static final String LOGOUT = ROOT + "/logout";
  static final String CHARGERS = ROOT + "/chargers";
  static final String CHARGER_LIST = ROOT + "/charger-list";
  static final String CHARGER_ROWS = ROOT + "/charger-rows";
  static final String COMMANDS = ROOT + "/commands";
  static final String TRANSACTIONS = ROOT + "/transactions";
  static final String ID_TAGS = ROOT + "/id-tags";
  static final String RESERVATIONS = ROOT + "/reservations";
  static final String CHARGING_PROFILES = ROOT + "/charging-profiles";
  static final String HEALTH = ROOT + "/health";
  static final String EVENTS = ROOT + "/events";
  static final String STATUS = "/status";

  /** Form bodies are a few fields; a JSON text area (a charging profile) stays well below this. */
  private static final long BODY_LIMIT = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(Console.class);

  private final Pages pages;
  private final ConsoleAuth auth;
  private final ChargerPages chargers;
  private final CommandPages commands;
  private final TransactionPages transactions;
  private final IdTagPages idTags;
  private final ReservationPages reservations;
  private final ChargingProfilePages profiles;
  private final HealthPanel health;
  private final EventsApi events;
  private final Clock clock;

  /**
   * @param secure whether the port speaks TLS: the session cookie is then {@code Secure}
   * @param blocking runs the pages' JDBC reads, never the event loop
   */
  public Console(
      Reads reads,
      IdTags idTags,
      ReservationApi reservations,
      LocalLists localLists,
      Commands commands,
      ApiTokens tokens,
      EventsApi events,
      Supplier<Health> health,
      Clock clock,
      Executor blocking,
      boolean secure) {
    this.pages = new Pages(new Templates(), blocking);
    RandomTokens random = new RandomTokens();
    this.auth =
        new ConsoleAuth(
            new Sessions(clock, random), tokens, random, pages, new LoginThrottle(clock), secure);
    this.chargers = new ChargerPages(reads, localLists, pages);
    this.commands = new CommandPages(commands, reads, pages);
    this.transactions = new TransactionPages(reads, pages);
    this.idTags = new IdTagPages(idTags, pages);
    this.reservations = new ReservationPages(reservations, pages);
    this.profiles = new ChargingProfilePages(reads, pages);
    this.health = new HealthPanel(health, reads, pages);
    this.events = events;
    this.clock = clock;
  }

  public void mount(Router router) {
    // An operator who opens the host name wants the console; the public page stays at /status
    // and is linked from the login form.
    router.get("/").handler(rc -> Pages.seeOther(rc, ROOT));
    router
        .route(HttpMethod.POST, ROOT + "/*")
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    Assets.mount(router);
    router.get(LOGIN).handler(auth::loginForm);
    router.post(LOGIN).handler(auth::login);
    router.get(ROOT).handler(rc -> Pages.seeOther(rc, CHARGERS));
    router.route(ROOT + "/*").handler(auth::requireSession);
    router.post(LOGOUT).handler(auth::logout);
    router.get(EVENTS).handler(this::events);
    chargers.mount(router);
    commands.mount(router);
    transactions.mount(router);
    idTags.mount(router);
    reservations.mount(router);
    profiles.mount(router);
    health.mount(router);
    router
        .route(ROOT + "/*")
        .last()
        .handler(
            rc -> pages.send(rc, pages.error(404, "no console page at " + rc.request().path())))
        .failureHandler(this::failed);
  }

  /**
   * The events stream behind the session. An open stream is no request that could be refused, so it
   * is closed when its session's lifetime ends; the browser's reconnect then needs a new login.
   */
  private void events(RoutingContext rc) {
    Session session = ConsoleAuth.session(rc);
    long left = Math.max(1, Duration.between(clock.instant(), session.endsAt()).toMillis());
    long timer =
        rc.vertx()
            .setTimer(
                left,
                id -> {
                  // Once the stream ended the connection may carry other requests: leave it alone.
                  if (!rc.response().ended() && !rc.response().closed()) {
                    rc.request().connection().close();
                  }
                });
    rc.addEndHandler(ended -> rc.vertx().cancelTimer(timer));
    events.open(rc, session.token());
  }

  private void failed(RoutingContext rc) {
    if (rc.failure() instanceof ApiException bad) {
      pages.send(rc, pages.error(bad.status(), bad.getMessage()));
      return;
    }
    if (rc.failure() == null) {
      pages.send(rc, pages.error(rc.statusCode(), "request refused"));
      return;
    }
    LOG.error("{} {} failed", rc.request().method(), rc.request().path(), rc.failure());
    pages.send(rc, pages.error(500, "internal error (logged)"));
  }
}
