package dev.joule.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs one simulation: spreads the chargers over shards (one per event loop), ramps them up, lets
 * them run for the steady phase, waits for the outstanding CALLs, and returns what was measured.
 * The calling thread only coordinates and prints progress; it never touches a charger.
 */
final class Simulation {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** How long a shard may take to answer the coordinator; its event loop is blocked if longer. */
  private static final long SHARD_ANSWER_SECONDS = 30;

  private final SimConfig config;
  private final Clock clock;
  private final PrintStream progress;

  Simulation(SimConfig config, Clock clock, PrintStream progress) {
    this.config = config;
    this.clock = clock;
    this.progress = progress;
  }

  Summary run() throws InterruptedException {
    int loops = Math.min(config.eventLoops(), config.chargers());
    Vertx vertx =
        Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(false));
    try {
      return run(vertx, loops);
    } finally {
      await(vertx.close());
    }
  }

  private Summary run(Vertx vertx, int loops) throws InterruptedException {
    long start = System.nanoTime();
    List<Shard> shards = new ArrayList<>();
    for (int s = 0; s < loops; s++) {
      List<Integer> indexes = new ArrayList<>();
      for (int i = s; i < config.chargers(); i += loops) {
        indexes.add(i);
      }
      shards.add(new Shard(config, indexes, start, clock, config.seed() + s));
    }
    for (Shard shard : shards) {
      await(vertx.deployVerticle(shard));
    }

    long end = start + config.ramp().toNanos() + config.duration().toNanos();
    Stats previous = new Stats();
    long previousAt = start;
    long nextReport = start + SECOND;
    while (true) {
      sleepUntil(Math.min(nextReport, end));
      if (System.nanoTime() - end >= 0) {
        break;
      }
      Stats now = collect(shards, Shard::snapshot);
      long at = System.nanoTime();
      progress.println(progressLine(now, previous, at - start, at - previousAt));
      previous = now;
      previousAt = at;
      while (nextReport - at <= 0) {
        nextReport += SECOND; // a starved machine skips lines rather than printing a burst
      }
    }

    await(Future.all(shards.stream().map(Shard::stopSending).toList()));
    drain(shards);
    await(Future.all(shards.stream().map(Shard::finish).toList()));
    return Summary.of(config, collect(shards, Shard::snapshot));
  }

  /** Waits for the answers to outstanding CALLs, at most the call timeout. */
  private void drain(List<Shard> shards) throws InterruptedException {
    long deadline = System.nanoTime() + config.callTimeout().toNanos();
    long nextReport = System.nanoTime() + SECOND;
    while (true) {
      int outstanding = 0;
      for (Shard shard : shards) {
        outstanding += await(shard.outstanding());
      }
      long now = System.nanoTime();
      if (outstanding == 0 || now - deadline >= 0) {
        return;
      }
      if (now - nextReport >= 0) {
        progress.println("draining: " + outstanding + " CALLs still outstanding");
        nextReport += SECOND;
      }
      sleepUntil(Math.min(deadline, now + TimeUnit.MILLISECONDS.toNanos(20)));
    }
  }

  private String progressLine(Stats now, Stats previous, long elapsed, long interval) {
    long answered = now.answered();
    double rate = (answered - previous.answered()) * 1e9 / Math.max(1, interval);
    long errors = now.sum(a -> a.callErrors + a.invalid);
    long timeouts = now.sum(a -> a.timeouts);
    long lost = now.sum(a -> a.lost);
    String phase = elapsed >= config.ramp().toNanos() ? "steady" : "ramp";
    long failed = now.connectsFailed + now.dropped;
    return String.format(
        Locale.ROOT,
        "[%4ds %-6s] connected %d/%d%s  answers %.0f/s  p99 %s ms  max %s ms  errors %d"
            + "  timeouts %d  lost %d  booted %d",
        elapsed / SECOND,
        phase,
        now.open(),
        config.chargers(),
        failed == 0 ? "" : " (failed " + now.connectsFailed + ", dropped " + now.dropped + ")",
        rate,
        Report.ms(now.overall.percentile(99)),
        Report.ms(now.overall.max()),
        errors,
        timeouts,
        lost,
        now.booted);
  }

  private static Stats collect(List<Shard> shards, Function<Shard, Future<Stats>> part) {
    Stats total = new Stats();
    for (Shard shard : shards) {
      total.add(await(part.apply(shard)));
    }
    return total;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long remaining = nanoTime - System.nanoTime();
    if (remaining > 0) {
      TimeUnit.NANOSECONDS.sleep(remaining);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(SHARD_ANSWER_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "an event loop did not answer within " + SHARD_ANSWER_SECONDS + " s", e);
    }
  }
}
