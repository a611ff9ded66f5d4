package dev.joule.app;

import dev.joule.alerting.CriticalSecurityEvents;
import dev.joule.api.OpenApi;
import dev.joule.api.TokenAuth;
import dev.joule.bus.Inbox;
import dev.joule.bus.Replies;
import dev.joule.bus.inprocess.InProcessBus;
import dev.joule.bus.nats.NatsBus;
import dev.joule.domain.ChargerConnections;
import dev.joule.domain.access.ApiTokens;
import dev.joule.domain.command.CommandChannel;
import dev.joule.domain.command.Commands;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import dev.joule.domain.event.RecentEvents;
import dev.joule.domain.localauth.LocalLists;
import dev.joule.gateway.FrameLog;
import dev.joule.gateway.Gateway;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.processing.BatchRunner;
import dev.joule.processing.FaultPoint;
import dev.joule.processing.Handlers;
import dev.joule.processing.Processor;
import dev.joule.profile.Profiles;
import dev.joule.profile.security.CaHook;
import dev.joule.profile.security.CertificateDelivery;
import dev.joule.profile.security.ExternalCa;
import dev.joule.security.AuthFailures;
import dev.joule.security.ChargerAdmission;
import dev.joule.security.Secrets;
import dev.joule.store.ApiTokenRepository;
import dev.joule.store.CommandRepository;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import dev.joule.store.IdTagRepository;
import dev.joule.store.LocalListRepository;
import dev.joule.store.MessageLog;
import dev.joule.supervision.FaultInjection;
import dev.joule.supervision.Metrics;
import dev.joule.supervision.Supervisor;
import dev.joule.supervision.instances.InstanceMonitor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Joule process with every role: gateway, in-process inbox, processors, API, on one database.
 * The one place that builds infrastructure; {@code main} and the integration tests both start it
 * here.
 */
public final class Joule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Joule.class);

  /** This node's id in one JVM (no cluster). */
  static final String NODE = "node-1";

  /**
   * On NATS a CALL still unanswered at ack-wait plus this is published once more: past a frozen
   * processor's redelivery (ack-wait), so it resends only what the bus lost, and well within 10 s.
   */
  private static final Duration RESEND_MARGIN = Duration.ofSeconds(2);

  /** Events kept for the events stream at most, whatever events-retention says (memory bound). */
  private static final int EVENTS_CAPACITY = 100_000;

  /**
   * How long the CertificateSigned for an accepted SignCertificate waits for its charger if it
   * disconnected meanwhile; the certificate is stored either way (signed_certificate).
   */
  private static final Duration CERTIFICATE_TTL = Duration.ofHours(1);

  private final Optional<EmbeddedPostgres> embedded;
  private final Database database;
  private final Optional<MessageLog> messageLog;
  private final Optional<NatsBus> natsBus;
  private final Optional<ClusterWiring> cluster;
  private final Processor processor;
  private final Vertx vertx;
  private final Gateway gateway;
  private final EventLoopServer.Deployed servers;
  private final ExecutorService blocking;
  private final AutoCloseable supervision;
  private final ScheduledExecutorService timers;

  private Joule(
      Optional<EmbeddedPostgres> embedded,
      Database database,
      Optional<MessageLog> messageLog,
      Optional<NatsBus> natsBus,
      Optional<ClusterWiring> cluster,
      Processor processor,
      Vertx vertx,
      Gateway gateway,
      EventLoopServer.Deployed servers,
      ExecutorService blocking,
      AutoCloseable supervision,
      ScheduledExecutorService timers) {
    this.embedded = embedded;
    this.database = database;
    this.messageLog = messageLog;
    this.natsBus = natsBus;
    this.cluster = cluster;
    this.processor = processor;
    this.vertx = vertx;
    this.gateway = gateway;
    this.servers = servers;
    this.blocking = blocking;
    this.supervision = supervision;
    this.timers = timers;
  }

  public static Joule start(Config config) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      return start(config, opened);
    } catch (RuntimeException e) {
      // A failed start (port taken, database unreachable) leaves nothing running behind it.
      while (!opened.isEmpty()) {
        try {
          opened.pop().close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static Joule start(Config config, Deque<AutoCloseable> opened) {
    long started = System.nanoTime();
    Clock clock = Clock.systemUTC();
    Optional<EmbeddedPostgres> embedded =
        config.embeddedDatabase()
            ? Optional.of(EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(config.dataDir())))
            : Optional.empty();
    embedded.ifPresent(opened::push);
    Database database =
        embedded
            .map(server -> Database.open(server, config.dbPoolSize()))
            .orElseGet(() -> Database.open(config.dbUrl().orElseThrow(), config.dbPoolSize()));
    opened.push(database);
    DataSource dataSource = database.dataSource();
    MessageLog.Settings logSettings = MessageLog.Settings.DEFAULTS;
    Optional<MessageLog> messageLog =
        config.messageLog()
            ? Optional.of(
                MessageLog.start(
                    database,
                    clock,
                    new MessageLog.Settings(
                        logSettings.capacity(),
                        logSettings.batchSize(),
                        logSettings.flushEvery(),
                        config.messageLogRetention(),
                        logSettings.purgeEvery())))
            : Optional.empty();
    messageLog.ifPresent(opened::push);
    OcppJson codec = OcppJson.forCentralSystem();
    Optional<NatsBus> nats = config.bus().map(settings -> natsBus(settings, config, codec, opened));
    Inbox inbox =
        nats.<Inbox>map(b -> b).orElseGet(() -> new InProcessBus(clock, config.ackWait()));
    Replies replies = nats.<Replies>map(b -> b).orElseGet(() -> (InProcessBus) inbox);
    String node = config.bus().map(Config.Bus::nodeId).orElse(NODE);
    // Commands are built once the gateway is; a SignCertificate answered before then waits for it.
    AtomicReference<Commands> ready = new AtomicReference<>();
    CriticalSecurityEvents securityEvents = new CriticalSecurityEvents();
    CertificateDelivery delivery =
        (chargerId, request) -> {
          if (ready.get() == null) { // a cluster processor leasing before its start finished
            LOG.error("{}: CertificateSigned not sent: commands not ready yet", chargerId);
          } else {
            ready.get().submitLater(chargerId, request, CERTIFICATE_TTL);
          }
        };
    ExternalCa external =
        config
            .signing()
            .hook()
            .<ExternalCa>map(
                url ->
                    new CaHook(
                        url,
                        delivery,
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()))
            .orElse(ExternalCa.NONE);
    Handlers handlers =
        Profiles.handlers(config.core(), config.signing(), delivery, external, codec);
    Metrics metrics = new Metrics();
    Optional<FaultInjection> faults =
        config.supervision().faultInjection()
            ? Optional.of(new FaultInjection())
            : Optional.empty();
    RecentEvents recent = new RecentEvents(clock, config.eventsRetention(), EVENTS_CAPACITY);
    Optional<ClusterWiring> cluster =
        config.bus().map(b -> ClusterWiring.open(config, node, recent));
    cluster.ifPresent(opened::push);
    EventSink events = cluster.map(ClusterWiring::events).orElse(recent);
    // Before any worker leases: a second live node with this id must not start processing.
    InstanceMonitor instances = InstanceWiring.monitor(config, node, inbox, metrics);
    opened.push(instances);
    Processor processor =
        new Processor(
            inbox,
            replies,
            new BatchRunner(dataSource, handlers, codec, clock, securityEvents.watching(events)),
            config.runs(Role.PROCESSOR) ? config.workers() : 0,
            config.batchSize(),
            faults.<FaultPoint>map(f -> f).orElse(FaultPoint.NONE),
            metrics);
    opened.push(processor);
    // As many event loops as HTTP servers: deployed in a row, each server gets a loop of its own.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(config.eventLoops()));
    opened.push(() -> vertx.close().await());
    ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    opened.push(blocking::shutdown);
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    opened.push(timers::shutdownNow);
    AuthFailures authFailures = new AuthFailures();
    Gateway gateway =
        new Gateway(
            vertx,
            node,
            config.bus().isPresent()
                ? config.gateway().withResendAfter(config.ackWait().plus(RESEND_MARGIN))
                : config.gateway(),
            config.limits(),
            codec,
            metrics.counting(inbox),
            replies,
            new ChargerAdmission(config.security(), dataSource, clock, authFailures),
            messageLog
                .<FrameLog>map(
                    log ->
                        (id, inbound, frame, at) ->
                            log.record(id, inbound, Secrets.redact(frame), at))
                .orElse(FrameLog.NONE),
            clock);
    GatewayCommandChannel local = new GatewayCommandChannel(gateway);
    AtomicReference<LocalLists> lists = new AtomicReference<>();
    CommandChannel channel =
        cluster
            .map(
                c ->
                    c.commands(
                        local,
                        instances,
                        codec,
                        id -> {
                          ready.get().connected(id);
                          lists.get().connected(id);
                        }))
            .orElse(local);
    Commands commands =
        new Commands(
            database,
            new CommandRepository(),
            channel,
            codec,
            clock,
            blocking,
            timers,
            metrics.countingCommands(events));
    ready.set(commands);
    LocalLists localLists =
        new LocalLists(
            database,
            new LocalListRepository(),
            new IdTagRepository(),
            commands,
            codec,
            clock,
            blocking);
    lists.set(localLists);
    gateway.publishConnectionEvents(
        event -> {
          Runnable afterwards =
              () -> {
                if (event instanceof ChargerEvent.Connected connected) {
                  commands.connected(connected.chargerId());
                  localLists.connected(connected.chargerId());
                }
              };
          if (cluster.isPresent()) {
            cluster.get().connectionChanged(event, afterwards); // registry first, then events
          } else {
            events.publish(event);
            afterwards.run();
          }
        });
    if (nats.isEmpty()) {
      // In a cluster another API node may be waiting for these outcomes right now.
      int interrupted = commands.resolveInterrupted();
      if (interrupted > 0) {
        LOG.warn("{} commands left without outcome by the previous run marked error", interrupted);
      }
    }
    ApiTokens tokens = new ApiTokens(database, new ApiTokenRepository(), config.apiToken(), clock);
    Router router = Router.router(vertx);
    new TokenAuth(tokens, blocking).mount(router);
    // The supervisor is built after the API routes; the console's health panel reads it when asked.
    AtomicReference<Supervisor> supervising = new AtomicReference<>();
    ChargerConnections connections =
        cluster.<ChargerConnections>map(c -> c.connections(gateway)).orElse(gateway);
    if (config.runs(Role.API)) {
      ApiWiring.mount(
          router,
          config,
          database,
          connections,
          commands,
          localLists,
          tokens,
          recent,
          () -> supervising.get().health(),
          clock,
          blocking,
          timers);
    }
    AutoCloseable supervision =
        SupervisionWiring.start(
            config,
            processor,
            inbox,
            gateway,
            instances,
            StatusWiring.recorder(config, node, dataSource, instances, gateway.calls(), timers),
            dataSource,
            faults,
            metrics,
            authFailures,
            clock,
            router,
            supervising::set,
            securityEvents);
    opened.push(supervision);
    if (config.runs(Role.API)) {
      OpenApi.mount(router);
    }
    HttpServerOptions options = new HttpServerOptions().setPort(config.port()).setHost("0.0.0.0");
    Gateway.configure(options, config.gateway());
    Optional<ServerTls> tls = config.tls().map(ServerTls::new);
    tls.ifPresent(t -> t.configure(options));
    EventLoopServer.Deployed servers;
    try {
      servers =
          EventLoopServer.deploy(
                  vertx,
                  options,
                  config.port(),
                  config.eventLoops(),
                  router,
                  config.runs(Role.GATEWAY) ? Optional.of(gateway) : Optional.empty(),
                  server -> tls.ifPresent(t -> t.serving(server)))
              .await();
    } catch (Exception e) { // await() rethrows the bind failure, checked or not
      throw new IllegalStateException(
          "cannot listen on port " + config.port() + ": " + e.getMessage(), e);
    }
    opened.push(() -> vertx.undeploy(servers.id()).await());
    tls.ifPresent(t -> t.watch(timers));
    Joule joule =
        new Joule(
            embedded,
            database,
            messageLog,
            nats,
            cluster,
            processor,
            vertx,
            gateway,
            servers,
            blocking,
            supervision,
            timers);
    LOG.info("Joule ready in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    StartupLines.log(config, node, tls.isPresent(), servers.port(), tokens);
    return joule;
  }

  private static NatsBus natsBus(
      Config.Bus settings, Config config, OcppJson codec, Deque<AutoCloseable> opened) {
    io.nats.client.Connection connection = NatsConnection.open(settings);
    NatsBus bus;
    try {
      bus =
          new NatsBus(
              connection,
              settings.cluster(),
              codec,
              config.ackWait(),
              config.supervision().stallAfter(),
              settings.maxDeliver());
    } catch (RuntimeException e) {
      NatsConnection.close(connection);
      throw e;
    }
    opened.push(bus); // closing the bus closes its connection
    return bus;
  }

  public int port() {
    return servers.port();
  }

  /** How many chargers each event loop serves now, by thread name: shows how connections spread. */
  public Map<String, Integer> connectionsByEventLoop() {
    return gateway.connectionsByEventLoop();
  }

  /** The event-loop thread of {@code chargerId}'s current connection, if it is connected. */
  public Optional<String> eventLoopOf(String chargerId) {
    return gateway.eventLoopOf(chargerId);
  }

  /** The embedded PostgreSQL, when Joule runs one: chaos tests stop and restart it. */
  public Optional<EmbeddedPostgres> embeddedDatabase() {
    return embedded;
  }

  /** The database, for tests and tools that inspect what Joule recorded. */
  public DataSource dataSource() {
    return database.dataSource();
  }

  /**
   * Closes charger connections with 1001 going away and stops accepting, lets each processor finish
   * the batch in hand, flushes the message log and stops PostgreSQL. A CALL still waiting in the
   * in-process inbox was never answered, so its charger sends it again after reconnecting; its
   * effects, if any were committed, are not doubled (rule 4).
   */
  @Override
  public void close() {
    LOG.info("Joule stopping");
    gateway.close().await();
    vertx.undeploy(servers.id()).await();
    try {
      supervision.close();
    } catch (Exception e) {
      LOG.warn("stopping supervision failed", e);
    }
    processor.close();
    natsBus.ifPresent(NatsBus::close);
    cluster.ifPresent(ClusterWiring::close);
    messageLog.ifPresent(MessageLog::close);
    vertx.close().await();
    blocking.shutdown();
    timers.shutdownNow();
    database.close();
    embedded.ifPresent(EmbeddedPostgres::close);
    LOG.info("Joule stopped");
  }
}
