package dev.joule.app;

import dev.joule.gateway.Gateway;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One HTTP server (chargers' WebSockets and the API) on one event loop. Joule deploys one per event
 * loop, all on the same port: Vert.x binds the port once and hands accepted connections to the
 * servers in turn, so each connection's reads, decoding and writes run on its server's event loop.
 * A server created outside any Vert.x context gets one context, and with it one thread for every
 * connection (docs/profiling/gateway-cost.md).
 */
final class EventLoopServer extends VerticleBase {
  /**
   * Vert.x shares a random port between servers that listen on the same negative port; port 0 would
   * give each server a port of its own.
   */
  private static final int SHARED_RANDOM_PORT = -1;

  private final HttpServerOptions options;
  private final int port;
  private final Router router;
  private final Optional<Gateway> gateway;
  private final AtomicInteger bound;
  private final Consumer<HttpServer> listening;

  /** The servers of one deployment: undeploying {@code id} closes them all. */
  record Deployed(String id, int port) {}

  private EventLoopServer(
      HttpServerOptions options,
      int port,
      Router router,
      Optional<Gateway> gateway,
      AtomicInteger bound,
      Consumer<HttpServer> listening) {
    this.options = options;
    this.listening = listening;
    this.port = port;
    this.router = router;
    this.gateway = gateway;
    this.bound = bound;
  }

  /**
   * Deploys {@code count} servers on {@code port} (0: one free port shared by all of them); each is
   * handed to {@code listening} once it listens.
   */
  static Future<Deployed> deploy(
      Vertx vertx,
      HttpServerOptions options,
      int port,
      int count,
      Router router,
      Optional<Gateway> gateway,
      Consumer<HttpServer> listening) {
    int listenOn = port == 0 ? SHARED_RANDOM_PORT : port;
    AtomicInteger bound = new AtomicInteger();
    return vertx
        .deployVerticle(
            () -> new EventLoopServer(options, listenOn, router, gateway, bound, listening),
            new DeploymentOptions().setInstances(count))
        .map(id -> new Deployed(id, bound.get()));
  }

  @Override
  public Future<?> start() {
    HttpServer server = vertx.createHttpServer(options);
    // without the gateway role: HTTP only
    gateway.ifPresentOrElse(g -> g.attach(server, router), () -> server.requestHandler(router));
    return server
        .listen(port, options.getHost())
        .onSuccess(
            started -> {
              bound.set(started.actualPort());
              listening.accept(started);
            });
  }
}
