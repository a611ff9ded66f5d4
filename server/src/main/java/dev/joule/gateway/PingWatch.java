package dev.joule.gateway;

import io.vertx.core.Vertx;

/**
 * Pings one charger every ping interval and declares the connection dead when nothing (a pong or
 * any other frame) arrives within the pong timeout of a ping. Any frame counts: a charger that is
 * talking is alive. Tolerant mode pings (keeping NAT and proxies open) but never declares death,
 * for firmware that does not answer pings (OCPP16-NOTES: zombie detection must be configurable).
 *
 * <p>Lives on the connection's event loop; all methods must be called there.
 */
final class PingWatch {
  private static final long NONE = -1;

  private final Vertx vertx;
  private final GatewaySettings settings;
  private final Runnable ping;
  private final Runnable dead;
  private long periodic = NONE;
  private long pongDue = NONE;

  PingWatch(Vertx vertx, GatewaySettings settings, Runnable ping, Runnable dead) {
    this.vertx = vertx;
    this.settings = settings;
    this.ping = ping;
    this.dead = dead;
  }

  void start() {
    long interval = settings.pingInterval().toMillis();
    if (interval > 0) {
      periodic = vertx.setPeriodic(interval, id -> tick());
    }
  }

  /** The charger sent something: it is alive. */
  void heard() {
    if (pongDue != NONE) {
      vertx.cancelTimer(pongDue);
      pongDue = NONE;
    }
  }

  void stop() {
    if (periodic != NONE) {
      vertx.cancelTimer(periodic);
      periodic = NONE;
    }
    heard();
  }

  private void tick() {
    ping.run();
    if (!settings.tolerantPing() && pongDue == NONE) {
      pongDue =
          vertx.setTimer(
              Math.max(1, settings.pongTimeout().toMillis()),
              id -> {
                pongDue = NONE;
                dead.run();
              });
    }
  }
}
