package dev.joule.supervision.instances;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instance-level supervision (issue 10): every node publishes its heartbeat once a second; every
 * node judges every heartbeat every {@value #TICK_MILLIS} ms, so {@code GET /api/v1/health} on any
 * node lists the whole cluster; the node with the supervisor role that holds the lease also hands
 * stalled and gone instances to the alerts ({@link Instances#acting()}).
 *
 * <p>Its own thread, so a NATS round trip that hangs delays heartbeats, never the thread-level
 * supervisor; and a process that is frozen sends none, which is how the others see it.
 */
public final class InstanceMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceMonitor.class);
  static final long TICK_MILLIS = 250;
  private static final int TICKS_PER_BEAT = (int) (1000 / TICK_MILLIS);

  private final Directory directory;
  private final InstanceRules rules;
  private final boolean supervises;
  private final IntSupplier waiting;
  private final Consumer<List<InstanceView>> listener;
  private final Identity identity;
  private final String incarnation;
  private final long startedAt = System.currentTimeMillis();
  private volatile Instances latest = Instances.NONE;
  private volatile boolean running = true;
  private final AtomicBoolean closed = new AtomicBoolean();
  private Thread thread;

  private InstanceMonitor(
      Directory directory,
      InstanceRules rules,
      boolean supervises,
      IntSupplier waiting,
      Consumer<List<InstanceView>> listener,
      Identity identity,
      String incarnation) {
    this.identity = identity;
    this.incarnation = incarnation;
    this.directory = directory;
    this.rules = rules;
    this.supervises = supervises;
    this.waiting = waiting;
    this.listener = listener;
  }

  /** The settings every monitor judges by. */
  public record Settings(Duration goneAfter, Duration stallAfter, Duration ackWait) {}

  /** Who this node is, as its heartbeats say. */
  public record Identity(String nodeId, List<String> roles, String host, long pid) {
    public Identity {
      roles = List.copyOf(roles);
    }
  }

  /**
   * A node of a cluster: heartbeats in NATS KV on {@code connection} (which the monitor owns and
   * closes). Refuses a second live node with the same id.
   *
   * @param supervises whether this node has the supervisor role and may take the lease
   * @param waiting messages waiting in the inbox (for "no live processor while N wait")
   * @throws IllegalStateException when another live node has {@code nodeId}
   */
  public static InstanceMonitor cluster(
      Connection connection,
      String cluster,
      Identity identity,
      Settings settings,
      boolean supervises,
      IntSupplier waiting,
      Consumer<List<InstanceView>> listener) {
    String incarnation = UUID.randomUUID().toString();
    return new InstanceMonitor(
        new NatsDirectory(
            connection, cluster, identity.nodeId(), incarnation, settings.goneAfter()),
        rules(settings),
        supervises,
        waiting,
        listener,
        identity,
        incarnation);
  }

  /** One process with every role: the only instance, supervising itself. */
  public static InstanceMonitor single(
      Identity identity, Settings settings, Consumer<List<InstanceView>> listener) {
    return new InstanceMonitor(
        new LocalDirectory(identity.nodeId()),
        rules(settings),
        true,
        () -> 0,
        listener,
        identity,
        UUID.randomUUID().toString());
  }

  private static InstanceRules rules(Settings s) {
    return new InstanceRules(s.goneAfter(), s.stallAfter(), s.ackWait());
  }

  /** Starts heartbeats: {@code self} says how this node progresses, read once a second. */
  public void start(Supplier<Progress> self) {
    thread = Thread.ofPlatform().daemon().name("instances").start(() -> loop(self));
  }

  /** The latest judgement, at most {@value #TICK_MILLIS} ms old. */
  public Instances instances() {
    return latest;
  }

  private void loop(Supplier<Progress> self) {
    boolean acting = false;
    for (long tick = 0; running; tick++) {
      try {
        if (tick % TICKS_PER_BEAT == 0) {
          directory.publish(report(self.get()));
          acting = supervises && directory.lead();
        }
        Instances now =
            rules.judge(
                directory.heard(),
                System.nanoTime(),
                waiting.getAsInt(),
                acting,
                directory.leader());
        latest = now;
        listener.accept(now.instances());
      } catch (RuntimeException e) {
        LOG.error("instance round failed", e); // never let the watcher die
      }
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private InstanceReport report(Progress p) {
    return new InstanceReport(
        identity.nodeId(),
        identity.roles(),
        identity.host(),
        identity.pid(),
        incarnation,
        startedAt,
        System.currentTimeMillis(),
        p);
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    directory.close();
  }
}
