package dev.joule.supervision;

import dev.joule.alerting.Alerts;
import dev.joule.alerting.CriticalSecurityEvents;
import dev.joule.alerting.Signals;
import dev.joule.bus.Inbox;
import dev.joule.bus.InboxStats;
import dev.joule.processing.FaultPoint;
import dev.joule.processing.Processor;
import dev.joule.processing.WorkerState;
import dev.joule.status.Healing;
import dev.joule.supervision.instances.Instances;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches processing progress (DESIGN.md rule 5) from its own thread, every {@value #TICK_MILLIS}
 * ms:
 *
 * <ul>
 *   <li>a worker holding a batch for {@code stall-after} is stalled: it is abandoned, its leases
 *       released for immediate redelivery, and a replacement started ({@link Processor#abandon});
 *   <li>work waiting and nothing completed for {@code not-ready-after} (or the database not
 *       answering {@code SELECT 1} within {@code db-probe-timeout}) turns the process not ready;
 *   <li>no progress for {@code fail-after} restarts processing in-process: every worker is
 *       abandoned and replaced, with a backoff that doubles (up to 16x fail-after) while restarts
 *       do not help, so a crash loop does not spin.
 * </ul>
 *
 * Once a second it samples the signals, probes the database and evaluates the alert rules, with
 * what the instance monitor sees of the cluster (stalled and gone instances) among the signals.
 */
public final class Supervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
  static final long TICK_MILLIS = 250;
  private static final int WINDOW = 61; // one-second samples: the last minute and its start

  private final Processor processor;
  private final Inbox inbox;
  private final Supplier<GatewaySignals> gateway;
  private final Supplier<Instances> instances;
  private final SupervisionSettings settings;
  private final Alerts alerts;
  private final Clock clock;
  private final DatabaseProbe database;
  private final AtomicLong stalls = new AtomicLong();
  private final AtomicLong restarts = new AtomicLong();
  private final AtomicLong healings = new AtomicLong();
  private volatile Healing lastHealing;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private final Thread thread;
  private volatile Health health;
  private volatile boolean running = true;

  private final Runnable exit;
  private final Consumer<Healing> healed;
  private final CriticalSecurityEvents securityEvents;
  private long lastAcked = -1;
  private long lastProgressAt = System.nanoTime();
  private long nextRestartAllowed;
  private int failedRestarts;
  private int ticks;

  public Supervisor(
      Processor processor,
      Inbox inbox,
      Supplier<GatewaySignals> gateway,
      Supplier<Instances> instances,
      DataSource dataSource,
      FaultPoint faults,
      SupervisionSettings settings,
      Alerts alerts,
      Clock clock,
      Runnable exit,
      Consumer<Healing> healed,
      CriticalSecurityEvents securityEvents) {
    this.securityEvents = securityEvents;
    this.exit = exit;
    this.healed = healed;
    this.processor = processor;
    this.inbox = inbox;
    this.gateway = gateway;
    this.instances = instances;
    this.settings = settings;
    this.alerts = alerts;
    this.clock = clock;
    this.database = new DatabaseProbe(dataSource, faults, settings.dbTimeout());
    this.health = snapshot(processor.workers(), inbox.stats(), gateway.get(), System.nanoTime());
    this.thread = Thread.ofPlatform().daemon().name("supervisor").start(this::loop);
  }

  /** The latest view, at most {@value #TICK_MILLIS} ms old. */
  public Health health() {
    return health;
  }

  public long stalls() {
    return stalls.get();
  }

  public Duration dbLatency() {
    return database.latency();
  }

  private void loop() {
    while (running) {
      try {
        tick();
      } catch (RuntimeException e) {
        LOG.error("supervisor round failed", e); // never let the watcher die
      }
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void tick() {
    long now = System.nanoTime();
    List<WorkerState> workers = processor.workers();
    for (WorkerState worker : workers) {
      if (worker.holding() > 0 && worker.heldFor().compareTo(settings.stallAfter()) >= 0) {
        int released = processor.abandon(worker.slot(), worker.generation());
        if (released >= 0) {
          stalls.incrementAndGet();
          LOG.warn(
              "stall worker={} generation={} heldFor={}ms released={} action=replaced",
              worker.name(),
              worker.generation(),
              worker.heldFor().toMillis(),
              released);
          heal(
              new Healing(
                  clock.instant(),
                  String.format(
                      "worker %s abandoned after holding %s for %.1f s; %s released for"
                          + " redelivery, a new worker started",
                      worker.name(),
                      messages(worker.holding()),
                      seconds(worker.heldFor()),
                      messages(released))));
        }
      }
    }
    InboxStats stats = inbox.stats();
    // A node without processor workers (a gateway or API node of a cluster) has no progress of
    // its own to make: the waiting messages belong to the processors.
    if (stats.acked() != lastAcked || stats.waiting() + stats.leased() == 0 || workers.isEmpty()) {
      lastAcked = stats.acked();
      lastProgressAt = now;
      failedRestarts = 0;
    }
    Duration noProgress = Duration.ofNanos(now - lastProgressAt);
    if (noProgress.compareTo(settings.failAfter()) >= 0 && now - nextRestartAllowed >= 0) {
      restartProcessing(noProgress, now);
    }
    if (++ticks % (1000 / TICK_MILLIS) == 0) {
      database.probe();
      GatewaySignals gatewaySignals = gateway.get();
      samples.addLast(new Sample(now, stats, gatewaySignals, stalls.get()));
      if (samples.size() > WINDOW) {
        samples.removeFirst();
      }
      health = snapshot(processor.workers(), stats, gatewaySignals, now);
      alerts.evaluate(signals(stats, now));
    } else {
      health = snapshot(processor.workers(), stats, gateway.get(), now);
    }
  }

  /**
   * Hands a healing action on, and keeps it for this node's heartbeat (a cluster's supervisor
   * quotes it).
   */
  private void heal(Healing healing) {
    lastHealing = healing;
    healings.incrementAndGet();
    healed.accept(healing);
  }

  private void restartProcessing(Duration noProgress, long now) {
    if (settings.onFailure() == SupervisionSettings.OnFailure.EXIT) {
      LOG.error(
          "no processing progress for {} ms: exiting with code {} for the process supervisor",
          noProgress.toMillis(),
          SupervisionSettings.OnFailure.EXIT_CODE);
      running = false;
      exit.run();
      return;
    }
    restarts.incrementAndGet();
    failedRestarts++;
    Duration backoff = settings.failAfter().multipliedBy(1L << Math.min(failedRestarts, 4));
    nextRestartAllowed = now + backoff.toNanos();
    LOG.error(
        "no processing progress for {} ms: restarting every worker (restart {}, next not before {}"
            + " s)",
        noProgress.toMillis(),
        restarts.get(),
        backoff.toSeconds());
    for (WorkerState worker : processor.workers()) {
      processor.abandon(worker.slot(), worker.generation());
    }
    heal(
        new Healing(
            clock.instant(),
            String.format(
                "no message completed for %.1f s: every worker (%d) abandoned and replaced"
                    + " (in-process restart %d)",
                seconds(noProgress), processor.workers().size(), restarts.get())));
  }

  private Signals signals(InboxStats stats, long now) {
    Instances cluster = instances.get();
    Sample latest = samples.peekLast();
    Sample previous = sampleAgo(1);
    Sample tenAgo = sampleAgo(10);
    Sample minuteAgo = samples.peekFirst();
    double seconds = Math.max(1e-9, (latest.at - tenAgo.at) / 1e9);
    Duration longestHeld = Duration.ZERO;
    int holding = 0;
    int held = 0;
    for (WorkerState worker : processor.workers()) {
      if (worker.heldFor().compareTo(longestHeld) > 0) {
        longestHeld = worker.heldFor();
      }
      if (worker.holding() > 0) {
        holding++;
        held += worker.holding();
      }
    }
    return new Signals(
        clock.instant(),
        (latest.inbox.published() - tenAgo.inbox.published()) / seconds,
        (latest.inbox.acked() - tenAgo.inbox.acked()) / seconds,
        stats.waiting(),
        stats.oldestWaiting(),
        longestHeld,
        holding,
        held,
        latest.stalls - previous.stalls,
        latest.inbox.redelivered() - minuteAgo.inbox.redelivered(),
        latest.gateway.disconnects() - minuteAgo.gateway.disconnects(),
        latest.gateway.commandTimeouts() - minuteAgo.gateway.commandTimeouts(),
        database.latency(),
        cluster.stalled(),
        cluster.gone(),
        latest.inbox.deadLettered() - minuteAgo.inbox.deadLettered(),
        securityEvents.lastMinute(clock.instant()),
        latest.gateway.authenticationFailures() - minuteAgo.gateway.authenticationFailures());
  }

  private Sample sampleAgo(int seconds) {
    int index = Math.max(0, samples.size() - 1 - seconds);
    int i = 0;
    for (Sample sample : samples) {
      if (i++ == index) {
        return sample;
      }
    }
    return samples.peekFirst();
  }

  private Health snapshot(
      List<WorkerState> workers, InboxStats stats, GatewaySignals gatewaySignals, long now) {
    Duration noProgress = Duration.ofNanos(now - lastProgressAt);
    List<String> reasons = new ArrayList<>();
    if (noProgress.compareTo(settings.notReadyAfter()) >= 0) {
      reasons.add(
          "processing: no message completed for "
              + noProgress.toMillis()
              + " ms while "
              + (stats.waiting() + stats.leased())
              + " wait or are held");
    }
    if (!database.healthy()) {
      reasons.add(
          "database: SELECT 1 did not answer within "
              + settings.dbTimeout().toMillis()
              + " ms (latency "
              + database.latency().toMillis()
              + " ms)");
    }
    List<Health.Worker> states = new ArrayList<>(workers.size());
    for (WorkerState w : workers) {
      states.add(
          new Health.Worker(
              w.name(),
              w.generation(),
              w.holding(),
              seconds(w.heldFor()),
              seconds(w.sinceProgress()),
              w.processed()));
    }
    Sample latest = samples.peekLast();
    Sample tenAgo = samples.isEmpty() ? null : sampleAgo(10);
    double window = latest == null ? 0 : (latest.at - tenAgo.at) / 1e9;
    return new Health(
        clock.instant(),
        reasons.isEmpty(),
        reasons,
        new Health.Processing(
            window <= 0 ? 0 : (latest.inbox.published() - tenAgo.inbox.published()) / window,
            window <= 0 ? 0 : (latest.inbox.acked() - tenAgo.inbox.acked()) / window,
            stats.waiting(),
            stats.leased(),
            seconds(stats.oldestWaiting()),
            stats.waiting() + stats.leased() == 0 ? 0 : seconds(noProgress),
            stats.published(),
            stats.acked(),
            stats.redelivered(),
            stats.deadLettered(),
            stalls.get(),
            restarts.get(),
            healings.get(),
            lastHealing,
            states),
        new Health.Database(database.healthy(), seconds(database.latency())),
        new Health.Chargers(gatewaySignals.connected(), gatewaySignals.disconnects()),
        alerts.firing(),
        instances.get().supervisor(),
        instances.get().instances());
  }

  private static String messages(int count) {
    return count + (count == 1 ? " message" : " messages");
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  private record Sample(long at, InboxStats inbox, GatewaySignals gateway, long stalls) {}
}
