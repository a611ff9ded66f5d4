package dev.joule.app;

import dev.joule.alerting.AlertEvent;
import dev.joule.alerting.Alerts;
import dev.joule.alerting.CriticalSecurityEvents;
import dev.joule.alerting.Webhook;
import dev.joule.bus.Inbox;
import dev.joule.gateway.Gateway;
import dev.joule.gateway.GatewayCounters;
import dev.joule.processing.FaultPoint;
import dev.joule.processing.Processor;
import dev.joule.security.AuthFailures;
import dev.joule.security.FailureReason;
import dev.joule.status.StatusRecorder;
import dev.joule.supervision.FaultInjection;
import dev.joule.supervision.GatewaySignals;
import dev.joule.supervision.Metrics;
import dev.joule.supervision.SupervisionApi;
import dev.joule.supervision.SupervisionSettings;
import dev.joule.supervision.Supervisor;
import dev.joule.supervision.instances.InstanceMonitor;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Builds a node's supervision: the supervisor over its processor, gateway and the cluster's
 * instances, the alerts and where they go, the metrics that read them, and their HTTP side.
 */
final class SupervisionWiring {
  private SupervisionWiring() {}

  /** Supervisor, alerts and their HTTP side; the returned closeable stops them. */
  static AutoCloseable start(
      Config config,
      Processor processor,
      Inbox bus,
      Gateway gateway,
      InstanceMonitor instances,
      StatusRecorder recorder,
      DataSource dataSource,
      Optional<FaultInjection> faults,
      Metrics metrics,
      AuthFailures authFailures,
      Clock clock,
      Router router,
      Consumer<Supervisor> built,
      CriticalSecurityEvents securityEvents) {
    Optional<Webhook> webhook = config.alerts().webhook().map(Webhook::new);
    List<Consumer<AlertEvent>> notifiers = new java.util.ArrayList<>();
    notifiers.add(recorder::alert);
    webhook.ifPresent(notifiers::add);
    Alerts alerts = new Alerts(config.alerts(), notifiers, recorder::evaluated);
    Supplier<GatewaySignals> gatewaySignals =
        () -> {
          GatewayCounters counters = gateway.counters();
          int connected = gateway.connectedCount();
          return new GatewaySignals(
              connected,
              counters.connectionsOpened() - connected,
              counters.centralCallsSent(),
              counters.centralCallsTimedOut(),
              counters.replyDeadlinesMissed(),
              authFailures.total());
        };
    Supervisor supervisor =
        new Supervisor(
            processor,
            bus,
            gatewaySignals,
            instances::instances,
            dataSource,
            faults.<FaultPoint>map(f -> f).orElse(FaultPoint.NONE),
            config.supervision(),
            alerts,
            clock,
            // Off the supervisor thread: exit runs the shutdown hooks, which stop the supervisor.
            () ->
                Thread.ofPlatform()
                    .start(() -> System.exit(SupervisionSettings.OnFailure.EXIT_CODE)),
            recorder::healed,
            securityEvents);
    built.accept(supervisor);
    metrics.bindSecurityEvents(securityEvents);
    metrics.bind(supervisor, processor.workers().size(), gatewaySignals);
    metrics.bindStatusDrops(recorder::dropped);
    metrics.bindBuildInfo(BuildInfo.current().version(), BuildInfo.current().commit());
    metrics.bindAlerts(alerts);
    GatewayCounters limited = gateway.counters();
    metrics.bindLimits(
        limited::framesRateLimited,
        limited::rateLimitCloses,
        limited::connectionLimitRefused,
        limited::handshakeRateRefused);
    Map<String, java.util.function.LongSupplier> failures = new java.util.LinkedHashMap<>();
    for (FailureReason reason : FailureReason.values()) {
      failures.put(reason.tag(), () -> authFailures.of(reason));
    }
    metrics.bindAuthenticationFailures(failures);
    instances.start(() -> InstanceWiring.progress(supervisor.health()));
    new SupervisionApi(supervisor, metrics, processor, faults).mount(router);
    return () -> {
      instances.close(); // withdraws the heartbeat first: a clean stop is not "gone"
      supervisor.close();
      webhook.ifPresent(Webhook::close);
      recorder.close(); // after the supervisor: its last transitions are written
    };
  }
}
