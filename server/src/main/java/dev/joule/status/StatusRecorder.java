package dev.joule.status;

import dev.joule.alerting.AlertEvent;
import dev.joule.alerting.Evaluated;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the status history from one thread of its own: the supervisor hands it alert transitions,
 * healing actions and each second's evaluation, which only go into a bounded queue, so neither the
 * supervisor's tick nor processing ever waits for the database. What is queued is written in
 * batches: one statement per table per drain. When the queue is full the newest item is dropped,
 * counted ({@link #dropped}) and logged. Alert transitions of every node are recorded; component
 * states and automatic incidents only by the acting supervisor (the one holding the lease).
 *
 * <p>Once a second it also writes this node's new per-second CALL tallies ({@link Tallies}, the
 * gateway's bounded in-memory seconds) for the postmortem; after a failed write it writes the same
 * seconds again, so a database outage shorter than the gateway keeps them loses none. Tallies older
 * than {@link #TALLIES_KEPT} are deleted.
 *
 * <p>The acting supervisor also records, on each round, that status was being recorded (the uptime
 * bars' coverage) and its processing signals of that second (the incident chart's backlog and
 * oldest waiting message), kept as long as the tallies.
 */
public final class StatusRecorder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusRecorder.class);
  static final int CAPACITY = 10_000;
  private static final int BATCH = 500;
  private static final long POLL_MILLIS = 200;
  private static final long TALLIES_EVERY_NANOS = 1_000_000_000L;
  private static final int TALLY_BATCH = 600;
  private static final long PURGE_EVERY_NANOS = 3_600_000_000_000L;

  /** How long the per-second CALL tallies are kept in the database. */
  static final Duration TALLIES_KEPT = Duration.ofDays(30);

  /** This node's recorded seconds of CALLs newer than {@code second}, oldest first. */
  @FunctionalInterface
  public interface Tallies {
    List<CallTally> after(long second, int limit);
  }

  /** What the cluster looks like from this node when a round is handed over. */
  public record ClusterView(boolean acting, List<Node> nodes) {
    public ClusterView {
      nodes = List.copyOf(nodes);
    }
  }

  private sealed interface Item {}

  private record AlertItem(AlertEvent event, boolean acting) implements Item {}

  private record HealingItem(Healing healing, boolean acting) implements Item {}

  private record RoundItem(Evaluated round, ClusterView cluster) implements Item {}

  private final DataSource dataSource;
  private final String node;
  private final Tallies tallies;
  private final PostmortemStore tallyStore = new PostmortemStore();
  private final Supplier<ClusterView> cluster;
  private final StatusStore store = new StatusStore();
  private final HistoryStore history = new HistoryStore();
  private final ComponentTracker tracker = new ComponentTracker();
  private final ReportedHealing reported;
  private final IncidentMachine incidents;
  private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final LongAdder dropped = new LongAdder();
  private final Thread writer;
  private volatile boolean running = true;
  private boolean seeded; // writer thread only
  private boolean acting; // writer thread only: as of the latest round
  private Instant actingSince; // writer thread only: the round this node became the acting one
  private Instant signalsPurged = Instant.EPOCH; // writer thread only
  private long talliesWritten = Long.MIN_VALUE; // writer thread only: newest second written
  private long talliesAt = System.nanoTime() - TALLIES_EVERY_NANOS; // writer thread only
  private long purgedAt = System.nanoTime() - PURGE_EVERY_NANOS; // writer thread only

  /** A recorder without CALL tallies (a node without a gateway, tests). */
  public StatusRecorder(
      DataSource dataSource, String node, Supplier<ClusterView> cluster, StatusSettings settings) {
    this(dataSource, node, cluster, settings, (second, limit) -> List.of());
  }

  public StatusRecorder(
      DataSource dataSource,
      String node,
      Supplier<ClusterView> cluster,
      StatusSettings settings,
      Tallies tallies) {
    this.dataSource = dataSource;
    this.node = node;
    this.tallies = tallies;
    this.cluster = cluster;
    this.incidents = new IncidentMachine(store, settings.quietPeriod());
    this.reported = new ReportedHealing(node);
    // A platform thread: it blocks in JDBC (like the message log's writer).
    this.writer = Thread.ofPlatform().daemon().name("status-recorder").start(this::run);
  }

  /** An alert notifier: records every transition. */
  public void alert(AlertEvent event) {
    offer(new AlertItem(event, cluster.get().acting()));
  }

  /** Called by the supervisor when it heals. */
  public void healed(Healing healing) {
    offer(new HealingItem(healing, cluster.get().acting()));
  }

  /** Called after each evaluation round, on the supervisor's thread. */
  public void evaluated(Evaluated round) {
    offer(new RoundItem(round, cluster.get()));
  }

  /** Items dropped because the queue was full. */
  public long dropped() {
    return dropped.sum();
  }

  private void offer(Item item) {
    if (!queue.offer(item)) {
      dropped.increment();
      long total = dropped.sum();
      if (total == 1 || total % 1000 == 0) {
        LOG.warn("status recorder queue full: {} items dropped so far", total);
      }
    }
  }

  private void run() {
    List<Item> batch = new ArrayList<>(BATCH);
    while (running) {
      try {
        Item first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
          write(batch);
        }
      } catch (InterruptedException e) {
        break;
      } catch (SQLException | RuntimeException e) {
        LOG.warn("status recorder could not write {} items: {}", batch.size(), e.toString());
        seeded = false; // component changes may be lost: compare with the database again
      }
      batch.clear();
      writeTallies(false);
    }
    // Closing: what is queued still goes in, once.
    queue.drainTo(batch);
    try {
      write(batch);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("status recorder could not write {} items at close: {}", batch.size(), e.toString());
    }
    writeTallies(true);
  }

  /** At most once a second (unless closing): the tallies not written yet. */
  private void writeTallies(boolean closing) {
    long now = System.nanoTime();
    if (!closing && now - talliesAt < TALLIES_EVERY_NANOS) {
      return;
    }
    talliesAt = now;
    List<CallTally> next = List.of();
    try {
      next = tallies.after(talliesWritten, TALLY_BATCH);
      if (next.isEmpty()) {
        return;
      }
      try (Connection c = dataSource.getConnection()) {
        tallyStore.insert(c, next);
        talliesWritten = next.getLast().second();
        if (now - purgedAt >= PURGE_EVERY_NANOS) {
          purgedAt = now;
          tallyStore.purge(c, talliesWritten - TALLIES_KEPT.toSeconds());
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("status recorder could not write {} call seconds: {}", next.size(), e.toString());
    }
  }

  private void write(List<Item> batch) throws SQLException {
    if (batch.isEmpty()) {
      return;
    }
    List<AlertRecord> alerts = new ArrayList<>();
    for (Item item : batch) {
      if (item instanceof AlertItem a) {
        alerts.add(new AlertRecord(a.event(), node));
      }
    }
    try (Connection c = dataSource.getConnection()) {
      if (!alerts.isEmpty()) {
        store.insertAlerts(c, alerts);
      }
      // In order; healing actions in a row (several workers replaced at once) make one update.
      List<Healing> healing = new ArrayList<>();
      for (Item item : batch) {
        if (!(item instanceof HealingItem)) {
          heal(c, healing);
        }
        switch (item) {
          case AlertItem a -> {
            if (a.acting()) {
              incidents.alert(c, a.event(), tracker.current());
            }
          }
          case HealingItem h -> {
            if (h.acting()) {
              healing.add(h.healing());
            }
          }
          case RoundItem r -> round(c, r);
        }
      }
      heal(c, healing);
    }
  }

  private void heal(Connection c, List<Healing> healing) throws SQLException {
    if (!healing.isEmpty()) {
      incidents.healed(c, List.copyOf(healing), tracker.current());
      healing.clear();
    }
  }

  private void round(Connection c, RoundItem item) throws SQLException {
    boolean wasActing = acting;
    acting = item.cluster().acting();
    if (!acting) {
      return;
    }
    Instant at = item.round().signals().at();
    if (!wasActing) {
      actingSince = at;
      reported.forget();
    }
    if (!seeded || !wasActing) { // what another supervisor may have written meanwhile
      tracker.seed(store.latestStates(c));
      seeded = true;
    }
    history.recorded(c, node, actingSince, item.round().signals());
    if (Duration.between(signalsPurged, at).toNanos() >= PURGE_EVERY_NANOS) {
      signalsPurged = at;
      history.purgeSignals(c, at.minus(TALLIES_KEPT));
    }
    List<Judged> judged = ComponentStates.judge(item.round(), item.cluster().nodes());
    List<StatusStore.Change> changes = tracker.changes(judged);
    List<Healing> healing = new ArrayList<>(reported.of(item.cluster().nodes(), at));
    if (!changes.isEmpty()) {
      store.insertChanges(c, changes, at);
      healing.addAll(InstanceHealing.of(changes, at));
    }
    if (!healing.isEmpty()) {
      incidents.healed(c, healing, judged);
    }
    incidents.round(c, at, Set.copyOf(item.round().firing()), judged);
  }

  @Override
  public void close() {
    running = false; // the writer sees it within a poll, then writes what is queued
    try {
      writer.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
