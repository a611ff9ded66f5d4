package dev.joule.sim;

import dev.joule.ocpp.json.OcppJson;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.ContextInternal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The chargers of one event loop, with their clients, ramp, rate limiter, timeout sweep and
 * statistics. Everything here runs on that event loop; other threads talk to it through futures.
 */
final class Shard extends VerticleBase {
  /** Period of the ramp and rate ticks. */
  private static final long TICK_MILLIS = 10;

  /**
   * Connections started per tick at most (20,000/s): with no ramp, starting 19,000 at once blocked
   * the event loop for seconds, so no handshake or boot made progress meanwhile.
   */
  private static final int MAX_CONNECTS_PER_TICK = 200;

  /** Period of the sweep that times out unanswered CALLs. */
  private static final long SWEEP_MILLIS = 100;

  static final String SUBPROTOCOL = "ocpp1.6";

  private final SimConfig config;
  private final List<Integer> chargerIndexes;
  private final long startNanos;
  private final Clock clock;
  private final OcppJson codec = OcppJson.forChargePoint();
  private final RandomGenerator random;
  private final Stats stats = new Stats();
  private final ArrayDeque<Charger> waiting = new ArrayDeque<>();
  private final List<Charger> chargers = new ArrayList<>();
  private final double ratePerSecond;
  private final long countDelayedFromNanos;

  private Dialer dialer;
  private int nextToConnect;
  private double tokens;
  private long lastTickNanos;
  private boolean sending = true;
  private boolean finishing;
  private long tickTimer = -1;
  private long sweepTimer = -1;
  private int failuresReported;

  /**
   * @param chargerIndexes the 0-based numbers of this shard's chargers among all, ascending
   */
  Shard(SimConfig config, List<Integer> chargerIndexes, long startNanos, Clock clock, long seed) {
    this.config = config;
    this.chargerIndexes = List.copyOf(chargerIndexes);
    this.startNanos = startNanos;
    this.clock = clock;
    this.random = new SplittableRandom(seed);
    this.ratePerSecond = config.rate() * chargerIndexes.size() / config.chargers();
    long ahead = Duration.between(clock.instant(), config.countDelayedFrom()).toNanos();
    this.countDelayedFromNanos = startNanos + Math.max(0, ahead);
  }

  @Override
  public Future<?> start() {
    dialer = new Dialer(config, ((ContextInternal) context).nettyEventLoop());
    long rampNanos = config.ramp().toNanos();
    for (int index : chargerIndexes) {
      long connectAt = (long) ((double) rampNanos * index / config.chargers());
      String id = config.chargerId(index);
      chargers.add(new Charger(this, id, "T" + (config.firstNumber() + index), connectAt));
    }
    lastTickNanos = System.nanoTime();
    tick();
    tickTimer = vertx.setPeriodic(TICK_MILLIS, t -> tick());
    sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, t -> sweep());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(tickTimer);
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }

  OcppJson codec() {
    return codec;
  }

  Stats stats() {
    return stats;
  }

  /** Sampled values per MeterValues ({@code --samples}). */
  int samples() {
    return config.samples();
  }

  Mix mix() {
    return config.mix();
  }

  /** Time between an update's notifications (--firmware-steps). */
  Duration updateStep() {
    return config.updateStep();
  }

  /**
   * Whether the update just asked for fails (--firmware-failures), and when: early (download,
   * upload) or late (installation), even odds.
   */
  Updates.Failure updateFailure() {
    if (config.updateFailures() == 0 || random.nextDouble() >= config.updateFailures()) {
      return Updates.Failure.NONE;
    }
    return random.nextBoolean() ? Updates.Failure.EARLY : Updates.Failure.LATE;
  }

  /** Runs {@code task} on this shard's event loop after {@code delay}. */
  void later(Duration delay, Runnable task) {
    vertx.setTimer(Math.max(1, delay.toMillis()), id -> task.run());
  }

  /** Counts an accepted BootNotification, received at {@code nanos}. */
  void booted(long nanos) {
    stats.booted++;
    stats.lastBootNanos = Math.max(stats.lastBootNanos, nanos - startNanos);
  }

  RandomGenerator random() {
    return random;
  }

  Instant now() {
    return clock.instant();
  }

  boolean finishing() {
    return finishing;
  }

  /** False once the run has stopped sending: chargers then only wait for their answers. */
  boolean sending() {
    return sending;
  }

  /** True if an answer received at {@code nanos} is counted when it was delayed. */
  boolean countsDelayed(long nanos) {
    return nanos - countDelayedFromNanos >= 0;
  }

  /** True if an answer received at {@code nanos} falls into the steady phase. */
  boolean steady(long nanos) {
    long sinceStart = nanos - startNanos;
    long steadyFrom = config.ramp().toNanos();
    return sinceStart >= steadyFrom && sinceStart < steadyFrom + config.duration().toNanos();
  }

  /** A charger may send its next CALL: now, or when the rate allows. */
  void ready(Charger charger) {
    if (!sending || config.mix().idle()) {
      return;
    }
    if (ratePerSecond == 0) {
      charger.sendNext();
    } else {
      waiting.add(charger);
    }
  }

  void connectFailed(String chargerId, Throwable cause) {
    // One line per failure would drown the progress line when a server refuses thousands.
    if (failuresReported++ < 5) {
      System.err.println("connect " + chargerId + " failed: " + cause);
    }
  }

  private void tick() {
    long now = System.nanoTime();
    if (!finishing) {
      long sinceStart = now - startNanos;
      int connects = 0;
      while (nextToConnect < chargers.size()
          && chargers.get(nextToConnect).connectAtNanos() <= sinceStart
          && connects++ < MAX_CONNECTS_PER_TICK) {
        Charger charger = chargers.get(nextToConnect);
        charger.connect(dialer, chargerIndexes.get(nextToConnect));
        nextToConnect++;
      }
    }
    if (ratePerSecond > 0 && sending) {
      double elapsed = (now - lastTickNanos) / 1e9;
      // A small burst allowance only: after a stall, do not fire a second's worth at once.
      double burst = Math.max(1, ratePerSecond * TICK_MILLIS * 2 / 1000);
      tokens = Math.min(burst, tokens + ratePerSecond * elapsed);
      while (tokens >= 1 && !waiting.isEmpty()) {
        tokens -= 1;
        waiting.poll().sendNext();
      }
    }
    lastTickNanos = now;
  }

  private void sweep() {
    long deadline = System.nanoTime() - config.callTimeout().toNanos();
    for (Charger charger : chargers) {
      charger.expireIfOlderThan(deadline);
    }
  }

  /** Stops sending new CALLs; answers to outstanding ones are still measured. */
  Future<Void> stopSending() {
    return onContext(
        v -> {
          sending = false;
          waiting.clear();
          return null;
        });
  }

  /** Number of CALLs still waiting for an answer. */
  Future<Integer> outstanding() {
    return onContext(v -> (int) chargers.stream().filter(Charger::hasOutstandingCall).count());
  }

  /** Ends the run: counts every CALL still outstanding as timed out and closes the connections. */
  Future<Void> finish() {
    return onContext(
        v -> {
          finishing = true;
          sending = false;
          sweep();
          for (Charger charger : chargers) {
            charger.expireOutstanding();
            charger.close();
          }
          return null;
        });
  }

  /** A copy of the statistics, taken on this shard's event loop. */
  Future<Stats> snapshot() {
    return onContext(v -> stats.copy());
  }

  private <T> Future<T> onContext(Function<Void, T> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            promise.complete(action.apply(null));
          } catch (RuntimeException e) {
            promise.fail(e);
          }
        });
    return promise.future();
  }
}
