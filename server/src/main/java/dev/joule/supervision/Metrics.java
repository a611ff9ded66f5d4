package dev.joule.supervision;

import dev.joule.alerting.Alerts;
import dev.joule.alerting.CriticalSecurityEvents;
import dev.joule.alerting.Rule;
import dev.joule.bus.Inbox;
import dev.joule.bus.InboxMessage;
import dev.joule.bus.InboxStats;
import dev.joule.bus.Lease;
import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.Side;
import dev.joule.processing.ProcessingListener;
import dev.joule.supervision.instances.InstanceState;
import dev.joule.supervision.instances.InstanceView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Joule's Prometheus metrics. Names are written once here, in Micrometer's dotted form; Prometheus
 * sees them with underscores, the base unit and {@code _total} on counters (e.g. {@code
 * joule.messages.received} → {@code joule_messages_received_total}). The rule file in {@code
 * deploy/prometheus} uses the Prometheus names; a test checks they all exist.
 */
public final class Metrics implements ProcessingListener {
  public static final String RECEIVED = "joule.messages.received";
  public static final String PROCESSED = "joule.messages.processed";
  public static final String DURATION = "joule.processing.duration";
  public static final String BACKLOG = "joule.inbox.backlog";
  public static final String OLDEST_WAITING = "joule.inbox.oldest.waiting";
  public static final String IN_FLIGHT = "joule.inbox.in.flight";
  public static final String REDELIVERIES = "joule.inbox.redeliveries";
  public static final String DEAD_LETTERED = "joule.inbox.dead.lettered";
  public static final String WORKER_HOLDING = "joule.processing.worker.holding";
  public static final String WORKER_HELD = "joule.processing.worker.held";
  public static final String STALLS = "joule.processing.stalls";
  public static final String RESTARTS = "joule.processing.restarts";
  public static final String NO_PROGRESS = "joule.processing.no.progress";
  public static final String CONNECTED = "joule.chargers.connected";
  public static final String DISCONNECTS = "joule.chargers.disconnects";
  public static final String COMMANDS_SENT = "joule.commands.sent";
  public static final String COMMAND_TIMEOUTS = "joule.commands.timeouts";
  public static final String COMMANDS_COMPLETED = "joule.commands.completed";
  public static final String REPLY_DEADLINE_MISSED = "joule.replies.deadline.missed";
  public static final String DB_LATENCY = "joule.db.latency";
  public static final String READY = "joule.ready";
  public static final String STATUS_DROPPED = "joule.status.records.dropped";
  public static final String BUILD_INFO = "joule.build.info";
  public static final String ALERT_FIRING = "joule.alert.firing";
  public static final String FRAMES_RATE_LIMITED = "joule.frames.rate.limited";
  public static final String HANDSHAKES_LIMITED = "joule.handshakes.limited";
  public static final String AUTHENTICATION_FAILURES = "joule.chargers.authentication.failures";
  public static final String RATE_LIMIT_CLOSES = "joule.connections.rate.limit.closes";
  public static final String INSTANCE_UP = "joule.instance.up";
  public static final String INSTANCE_STALLED = "joule.instance.stalled";
  public static final String INSTANCE_HEARTBEAT_AGE = "joule.instance.heartbeat.age";
  public static final String INSTANCE_HOLDING = "joule.instance.holding";
  public static final String INSTANCE_PROCESSED = "joule.instance.processed";
  public static final String INSTANCE_CONNECTED = "joule.instance.connected";
  public static final String SECURITY_EVENTS = "joule.security.events";

  private final List<LongSupplier> suppliers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Action, Counter> received = new EnumMap<>(Action.class);
  private final Map<Action, Counter> results = new EnumMap<>(Action.class);
  private final Map<Action, Counter> errors = new EnumMap<>(Action.class);
  private final Map<Action, Timer> durations = new EnumMap<>(Action.class);

  /**
   * Held while the instance gauges are re-registered and while scraping: a scrape in between saw a
   * replaced row twice and failed with DuplicateLabelsException (HTTP 500; seen in
   * SecurityMessagesIT one second after start).
   */
  private final Object instanceRows = new Object();

  private final MultiGauge instanceUp =
      instanceGauge(INSTANCE_UP, "1 when the instance sends heartbeats and progresses", null);
  private final MultiGauge instanceStalled =
      instanceGauge(INSTANCE_STALLED, "1 when the instance holds messages without progress", null);
  private final MultiGauge instanceAge =
      instanceGauge(INSTANCE_HEARTBEAT_AGE, "Age of the instance's last heartbeat", "seconds");
  private final MultiGauge instanceHolding =
      instanceGauge(INSTANCE_HOLDING, "Messages the instance's workers hold", "messages");
  private final MultiGauge instanceProcessed =
      instanceGauge(
          INSTANCE_PROCESSED, "Messages the instance answered since it started", "messages");
  private final MultiGauge instanceConnected =
      instanceGauge(INSTANCE_CONNECTED, "Chargers connected to the instance", null);

  public Metrics() {
    for (Action action : Action.values()) {
      if (!action.direction().initiatedBy(Side.CHARGE_POINT)) {
        continue; // only charger CALLs go through the inbox
      }
      String wire = action.wire();
      received.put(
          action,
          Counter.builder(RECEIVED)
              .description("Charger CALLs put into the inbox")
              .tag("action", wire)
              .register(registry));
      results.put(action, processed(wire, "result"));
      errors.put(action, processed(wire, "error"));
      durations.put(
          action,
          Timer.builder(DURATION)
              .description("From lease to commit of a message's batch")
              .tag("action", wire)
              .publishPercentileHistogram()
              .minimumExpectedValue(Duration.ofMillis(1))
              .maximumExpectedValue(Duration.ofSeconds(30))
              .register(registry));
    }
  }

  private Counter processed(String action, String outcome) {
    return Counter.builder(PROCESSED)
        .description("Charger CALLs answered after commit, by outcome (result or error)")
        .tag("action", action)
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void processed(Action action, boolean error, long nanos) {
    (error ? errors : results).get(action).increment();
    durations.get(action).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The inbox the gateway publishes to, counting what it receives by action. */
  public Inbox counting(Inbox inbox) {
    return new Inbox() {
      @Override
      public void publish(InboxMessage message) {
        received.get(message.call().action()).increment();
        inbox.publish(message);
      }

      @Override
      public List<Lease> lease(int max, Duration wait) throws InterruptedException {
        return inbox.lease(max, wait);
      }

      @Override
      public InboxStats stats() {
        return inbox.stats();
      }
    };
  }

  /** Binds the gauges that read the supervisor's view and the gateways' totals. */
  /** The status recorder's drops: alert transitions, healing and rounds it had no room for. */
  public void bindStatusDrops(LongSupplier dropped) {
    FunctionCounter.builder(STATUS_DROPPED, held(dropped), LongSupplier::getAsLong)
        .description("Status history items dropped because the recorder's queue was full")
        .register(registry);
  }

  /** {@code joule_build_info{version, commit} 1}: which build runs, for dashboards and alerts. */
  public void bindBuildInfo(String version, String commit) {
    Gauge.builder(BUILD_INFO, () -> 1)
        .description("The build that runs: its version and commit")
        .tag("version", version)
        .tag("commit", commit)
        .strongReference(true)
        .register(registry);
  }

  /**
   * {@code joule_alert_firing{alert, severity}}: 1 while Joule's own rule fires, else 0; one row
   * per built-in rule, so a dashboard shows every alert's state without Prometheus' rules.
   */
  public void bindAlerts(Alerts alerts) {
    for (Rule rule : Rule.values()) {
      Gauge.builder(ALERT_FIRING, () -> alerts.firing().contains(rule.alertName()) ? 1 : 0)
          .description("1 while the built-in alert rule fires")
          .tag("alert", rule.alertName())
          .tag("severity", rule.severity().wire())
          .strongReference(true)
          .register(registry);
    }
  }

  /**
   * What the gateway's limits turned away (hardening): frames over frame-rate-limit, connections
   * closed for far exceeding it, handshakes refused by max-connections or handshake-rate-limit.
   */
  public void bindLimits(
      LongSupplier framesLimited,
      LongSupplier rateLimitCloses,
      LongSupplier maxConnectionsRefused,
      LongSupplier handshakeRateRefused) {
    FunctionCounter.builder(FRAMES_RATE_LIMITED, held(framesLimited), LongSupplier::getAsLong)
        .description("Frames over frame-rate-limit, not processed")
        .register(registry);
    FunctionCounter.builder(RATE_LIMIT_CLOSES, held(rateLimitCloses), LongSupplier::getAsLong)
        .description("Connections closed with 1008 for more than twice frame-rate-limit")
        .register(registry);
    FunctionCounter.builder(
            HANDSHAKES_LIMITED, held(maxConnectionsRefused), LongSupplier::getAsLong)
        .description("WebSocket handshakes refused by a limit")
        .tag("limit", "max-connections")
        .register(registry);
    FunctionCounter.builder(HANDSHAKES_LIMITED, held(handshakeRateRefused), LongSupplier::getAsLong)
        .description("WebSocket handshakes refused by a limit")
        .tag("limit", "handshake-rate-limit")
        .register(registry);
  }

  /**
   * {@code events} counting, as they pass, the commands that reached a final status (accepted,
   * rejected, error, timeout, offline) by action and status: what the dashboard shows as command
   * outcomes. Counted on the node that sent the command.
   */
  public EventSink countingCommands(EventSink events) {
    return event -> {
      if (event instanceof ChargerEvent.CommandStatusChanged changed
          && CommandStatus.fromWire(changed.status()).map(CommandStatus::isFinal).orElse(false)) {
        Counter.builder(COMMANDS_COMPLETED)
            .description("Central-system commands that reached a final status")
            .tag("action", changed.action())
            .tag("status", changed.status())
            .register(registry)
            .increment();
      }
      events.publish(event);
    };
  }

  /** SecurityEventNotifications recorded by this node's processors, by criticality. */
  public void bindSecurityEvents(CriticalSecurityEvents events) {
    FunctionCounter.builder(SECURITY_EVENTS, events, CriticalSecurityEvents::critical)
        .description(
            "SecurityEventNotifications recorded (critical: the whitepaper's critical types)")
        .tag("critical", "true")
        .register(registry);
    FunctionCounter.builder(SECURITY_EVENTS, events, CriticalSecurityEvents::other)
        .description(
            "SecurityEventNotifications recorded (critical: the whitepaper's critical types)")
        .tag("critical", "false")
        .register(registry);
  }

  /** Chargers' handshakes refused by authentication, one counter per reason tag. */
  public void bindAuthenticationFailures(java.util.Map<String, LongSupplier> byReason) {
    byReason.forEach(
        (reason, count) ->
            FunctionCounter.builder(AUTHENTICATION_FAILURES, held(count), LongSupplier::getAsLong)
                .description("Charger handshakes refused by authentication (security profiles)")
                .tag("reason", reason)
                .register(registry));
  }

  /**
   * Micrometer holds a function meter's object weakly: a supplier made for it alone (a method
   * reference) would be collected and the meter would read NaN. Kept here for the registry's life.
   */
  private LongSupplier held(LongSupplier supplier) {
    suppliers.add(supplier);
    return supplier;
  }

  public void bind(Supervisor supervisor, int workers, Supplier<GatewaySignals> gateway) {
    Supplier<Health> health = supervisor::health;
    Gauge.builder(BACKLOG, () -> health.get().processing().backlog())
        .description("Messages waiting in the inbox to be leased")
        .baseUnit("messages")
        .register(registry);
    Gauge.builder(IN_FLIGHT, () -> health.get().processing().inFlight())
        .description("Messages leased by workers and not yet answered")
        .baseUnit("messages")
        .register(registry);
    Gauge.builder(OLDEST_WAITING, () -> health.get().processing().oldestWaitingSeconds())
        .description("Age of the oldest message waiting in the inbox")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder(NO_PROGRESS, () -> health.get().processing().noProgressSeconds())
        .description("How long work has waited with no message completed (0 when progressing)")
        .baseUnit("seconds")
        .register(registry);
    FunctionCounter.builder(REDELIVERIES, supervisor, s -> s.health().processing().redeliveries())
        .description("Messages delivered again after a lease expired or was released")
        .register(registry);
    FunctionCounter.builder(DEAD_LETTERED, supervisor, s -> s.health().processing().deadLettered())
        .description(
            "CALLs delivered max-deliver times without success: set aside on the dead-letter"
                + " subject and answered InternalError")
        .register(registry);
    FunctionCounter.builder(STALLS, supervisor, Supervisor::stalls)
        .description("Workers abandoned and replaced because they held a message past stall-after")
        .register(registry);
    FunctionCounter.builder(RESTARTS, supervisor, s -> s.health().processing().restarts())
        .description("In-process restarts of every worker after no progress for fail-after")
        .register(registry);
    for (int slot = 0; slot < workers; slot++) {
      int i = slot;
      String name = "processor-" + slot;
      Gauge.builder(WORKER_HOLDING, () -> health.get().processing().workers().get(i).holding())
          .description("Messages the worker holds")
          .tag("worker", name)
          .baseUnit("messages")
          .register(registry);
      Gauge.builder(WORKER_HELD, () -> health.get().processing().workers().get(i).heldForSeconds())
          .description("How long the worker has held its current batch (0 when idle)")
          .tag("worker", name)
          .baseUnit("seconds")
          .register(registry);
    }
    Gauge.builder(CONNECTED, () -> gateway.get().connected())
        .description("Chargers connected now")
        .register(registry);
    FunctionCounter.builder(DISCONNECTS, gateway, g -> g.get().disconnects())
        .description("Charger connections closed")
        .register(registry);
    FunctionCounter.builder(COMMANDS_SENT, gateway, g -> g.get().commandsSent())
        .description("Central-system CALLs sent to chargers")
        .register(registry);
    FunctionCounter.builder(COMMAND_TIMEOUTS, gateway, g -> g.get().commandTimeouts())
        .description("Central-system CALLs the charger did not answer in time")
        .register(registry);
    FunctionCounter.builder(REPLY_DEADLINE_MISSED, gateway, g -> g.get().replyDeadlinesMissed())
        .description("Charger CALLs answered InternalError at the reply deadline")
        .register(registry);
    Gauge.builder(DB_LATENCY, () -> supervisor.dbLatency().toNanos() / 1e9)
        .description("Latency of the database probe (SELECT 1)")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder(READY, () -> health.get().ready() ? 1 : 0)
        .description("1 when processing progresses and the database answers")
        .register(registry);
  }

  private MultiGauge instanceGauge(String name, String description, String unit) {
    MultiGauge.Builder builder = MultiGauge.builder(name).description(description);
    if (unit != null) {
      builder.baseUnit(unit);
    }
    return builder.register(registry);
  }

  /**
   * Every instance of the cluster as one row per gauge, labelled {@code instance} (its node-id) and
   * {@code roles}; rows of instances no longer in the bucket disappear.
   */
  public void instances(List<InstanceView> views) {
    synchronized (instanceRows) {
      registerInstances(views);
    }
  }

  private void registerInstances(List<InstanceView> views) {
    instanceUp.register(rows(views, v -> v.state() == InstanceState.LIVE ? 1 : 0), true);
    instanceStalled.register(rows(views, v -> v.state() == InstanceState.STALLED ? 1 : 0), true);
    instanceAge.register(rows(views, InstanceView::heartbeatAgeSeconds), true);
    instanceHolding.register(rows(views, InstanceView::holding), true);
    instanceProcessed.register(rows(views, InstanceView::processed), true);
    instanceConnected.register(rows(views, InstanceView::connected), true);
  }

  private static List<MultiGauge.Row<?>> rows(
      List<InstanceView> views, ToDoubleFunction<InstanceView> value) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>(views.size());
    for (InstanceView view : views) {
      Tags tags = Tags.of("instance", view.id(), "roles", String.join(",", view.roles()));
      rows.add(MultiGauge.Row.of(tags, value.applyAsDouble(view)));
    }
    return rows;
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    synchronized (instanceRows) {
      return registry.scrape();
    }
  }
}
