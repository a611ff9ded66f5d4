package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.ocpp.json.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing a live gateway over real WebSockets (issue 12, hardening): {@code fuzz.frames} frames
 * ({@link FuzzFrames}, seeded by {@code fuzz.seed}) from {@code fuzz.connections} connections, each
 * keeping at most {@link #WINDOW} valid CALLs outstanding (OCPP-J allows one; Joule queues {@code
 * call-queue-limit} more, and a fuller queue would be a different, correct answer). Beside them,
 * throw-away connections send binary frames (closed with 1003) and text beyond {@code
 * max-frame-bytes} (closed with 1009). Checked: every frame that must be answered is answered once,
 * with a CALLRESULT or the right CALLERROR, nothing else is answered, no connection is closed, each
 * still answers a Heartbeat at the end, and the heap used after a full GC does not grow by more
 * than {@link #HEAP_GROWTH_LIMIT}. The suite runs 25,000 frames from 16 connections; bench/fuzz
 * runs 1,000,000 from 64 with the same test (the report goes to target/fuzz-report.txt).
 */
class GatewayFuzzIT {
  static final int FRAMES = Integer.getInteger("fuzz.frames", 25_000);
  static final long SEED = Long.getLong("fuzz.seed", 20261207L);
  static final int CONNECTIONS = Integer.getInteger("fuzz.connections", 16);
  static final int MAX_FRAME_BYTES = 16_384;
  static final int WINDOW = 8;

  /**
   * The fuzzing stops after this long, failing the test: the suite's 25,000 frames take about 25 s
   * on a loaded 2-core machine; bench/fuzz gives its 1,000,000 an hour.
   */
  static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.budget-seconds", 75));

  /** One frame in this many is a connection-closing one, on a throw-away connection. */
  static final int CLOSING_EVERY = 2_500;

  static final long HEAP_GROWTH_LIMIT = 64L << 20;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dataDir;

  @Test
  void everyFrameIsAnsweredAsTheSpecSaysAndEveryConnectionSurvives() throws Exception {
    try (JouleServer joule =
        JouleServer.start(
            dataDir,
            "frame-rate-limit",
            "100000",
            "max-frame-bytes",
            Integer.toString(MAX_FRAME_BYTES),
            // The events stream keeps up to 100,000 events by design; off, so the heap compared
            // is the gateway's and the processors'.
            "events-retention",
            "0s")) {
      long heapBefore = usedHeapAfterGc();
      List<FuzzClient> clients = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        clients.add(new FuzzClient(joule.port(), i, SEED * 31 + i, FRAMES / CONNECTIONS));
      }
      long started = System.nanoTime();
      List<Thread> threads = new ArrayList<>();
      for (FuzzClient client : clients) {
        threads.add(Thread.ofPlatform().name("fuzz-" + client.index).start(client::run));
      }
      Closing closing = new Closing(joule.port(), SEED, FRAMES / CLOSING_EVERY);
      Thread closer = Thread.ofPlatform().name("fuzz-closing").start(closing::run);
      long deadline = started + BUDGET.toNanos();
      for (Thread thread : threads) {
        thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      }
      closer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      List<String> late = new ArrayList<>();
      if (closer.isAlive() || threads.stream().anyMatch(Thread::isAlive)) {
        late.add("not done within " + BUDGET + " (fuzz.budget-seconds)");
        clients.forEach(FuzzClient::stop);
        closing.stop();
        for (Thread thread : threads) {
          thread.join(WAIT);
        }
        closer.join(WAIT);
      }
      long elapsedNanos = System.nanoTime() - started;
      for (FuzzClient client : clients) {
        client.finish();
      }
      long heapAfter = usedHeapAfterGc();

      Map<String, Long> outcomes = new TreeMap<>();
      long sent = 0;
      List<String> problems = new ArrayList<>(late);
      problems.addAll(closing.problems);
      for (FuzzClient client : clients) {
        client.outcomes.forEach((key, count) -> outcomes.merge(key, count.sum(), Long::sum));
        sent += client.sent.get();
        problems.addAll(client.problems);
      }
      sent += closing.sent;
      String report =
          report(sent, elapsedNanos, outcomes, closing, heapBefore, heapAfter, problems);
      System.out.print(report);
      Files.write(
          Path.of("target", "fuzz-report.txt"),
          report.getBytes(java.nio.charset.StandardCharsets.UTF_8)); // lone surrogates become ?

      assertThat(problems).as(report).isEmpty();
      assertThat(sent).isGreaterThanOrEqualTo(FRAMES);
      assertThat(closing.closedWith).containsOnlyKeys(1003, 1009);
      assertThat(heapAfter - heapBefore).as(report).isLessThan(HEAP_GROWTH_LIMIT);
    }
  }

  private static String report(
      long sent,
      long elapsedNanos,
      Map<String, Long> outcomes,
      Closing closing,
      long heapBefore,
      long heapAfter,
      List<String> problems) {
    StringBuilder out = new StringBuilder();
    double seconds = elapsedNanos / 1e9;
    out.append(
        String.format(
            "fuzz: seed %d, %d connections, %d frames in %.1f s: %.0f frames/s%n",
            SEED, CONNECTIONS, sent, seconds, sent / seconds));
    out.append("outcomes (kind -> what came back):\n");
    outcomes.forEach((key, count) -> out.append(String.format("  %-45s %,d%n", key, count)));
    out.append("throw-away connections closed with: ").append(closing.closedWith).append('\n');
    out.append(
        String.format(
            "heap used after GC: before %.1f MiB, after %.1f MiB%n",
            heapBefore / 1048576.0, heapAfter / 1048576.0));
    out.append("problems: ").append(problems.size()).append('\n');
    problems.stream().limit(20).forEach(p -> out.append("  ").append(p).append('\n'));
    return out.toString();
  }

  private static long usedHeapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      memory.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** One fuzzing connection: sends its frames, checks every answer against its frame's. */
  private static final class FuzzClient implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    final int index;
    final AtomicLong sent = new AtomicLong();
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    private final FuzzFrames frames;
    private final int count;
    private final Map<String, FuzzFrames.Planned> pending = new ConcurrentHashMap<>();
    private final Semaphore window = new Semaphore(WINDOW);
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile boolean stopped;

    FuzzClient(int port, int index, long seed, int count) {
      this.index = index;
      this.count = count;
      this.frames = new FuzzFrames(seed, "f" + index);
      this.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .subprotocols("ocpp1.6")
              .connectTimeout(WAIT)
              .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ocpp/FUZZ-" + index), this)
              .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
              .join();
    }

    void run() {
      Set<String> used = new HashSet<>();
      try {
        while (sent.get() < count && !closed.isDone() && !stopped) {
          FuzzFrames.Planned planned = frames.next();
          if (!used.add(planned.id())) {
            continue; // a mutation made the id of an earlier frame: its answer would be ambiguous
          }
          send(planned);
        }
      } catch (Exception e) {
        problems.add("connection " + index + ": " + e);
      }
    }

    private void send(FuzzFrames.Planned planned) throws Exception {
      if (planned.expect() instanceof FuzzFrames.Expect.Result
          && !window.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "no CALL answered for " + WAIT + ": " + pending.size() + " waiting");
      }
      if (planned.expect() instanceof FuzzFrames.Expect.Nothing) {
        count(planned.kind() + " -> nothing");
      } else {
        pending.put(planned.id(), planned);
      }
      socket.sendText(planned.text(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      sent.incrementAndGet();
    }

    void stop() {
      stopped = true;
    }

    /** The last Heartbeat, then whatever is still waiting is a frame left unanswered. */
    void finish() throws Exception {
      if (closed.isDone()) {
        problems.add("connection " + index + " was closed with " + closed.join());
        return;
      }
      FuzzFrames.Planned heartbeat = frames.heartbeat();
      send(heartbeat);
      try {
        Await.until(() -> !pending.containsKey(heartbeat.id()), WAIT);
      } catch (AssertionError e) {
        problems.add("connection " + index + " did not answer its final Heartbeat: hung");
      }
      pending.values().forEach(p -> problems.add("unanswered " + p.kind() + ": " + p.text()));
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        answer(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    private void answer(String text) {
      // Read with a plain JSON parser, not the codec: Joule answers an over-long id as it came.
      String id;
      String got;
      try {
        JsonNode frame = JSON.readTree(text);
        int type = frame.get(0).asInt();
        if (type != Frame.CALL_RESULT && type != Frame.CALL_ERROR) {
          problems.add(
              "connection " + index + ": unexpected frame from Joule: " + abbreviate(text));
          return;
        }
        id = frame.get(1).asText();
        got = type == Frame.CALL_RESULT ? "result" : frame.get(2).asText();
      } catch (IOException | RuntimeException e) {
        problems.add("connection " + index + ": unreadable frame from Joule: " + abbreviate(text));
        return;
      }
      FuzzFrames.Planned planned = pending.remove(id);
      if (planned == null) {
        problems.add("answer to a frame that needs none, or twice: " + abbreviate(text));
        return;
      }
      String wanted =
          switch (planned.expect()) {
            case FuzzFrames.Expect.Result r -> "result";
            case FuzzFrames.Expect.Error e -> e.code().wire();
            case FuzzFrames.Expect.Nothing n -> "nothing";
          };
      if (planned.expect() instanceof FuzzFrames.Expect.Result) {
        window.release();
      }
      count(planned.kind() + " -> " + got);
      if (!wanted.equals(got)) {
        problems.add(
            planned.kind()
                + ": wanted "
                + wanted
                + ", got "
                + abbreviate(text)
                + " for "
                + abbreviate(planned.text()));
      }
    }

    private void count(String key) {
      outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }

  /** Throw-away connections that send what must close them: binary (1003) or oversized (1009). */
  private static final class Closing {
    final Map<Integer, Long> closedWith = new ConcurrentHashMap<>();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    volatile long sent;

    private final int port;
    private volatile boolean stopped;
    private final FuzzFrames frames;
    private final int count;

    void stop() {
      stopped = true;
    }

    Closing(int port, long seed, int count) {
      this.port = port;
      this.frames = new FuzzFrames(seed, "k");
      this.count = Math.max(2, count);
    }

    void run() {
      for (int i = 0; i < count && !stopped; i++) {
        try (RawCharger charger = RawCharger.connect(port, "FUZZ-CLOSE-" + (i % 4))) {
          boolean binary = i % 2 == 0;
          try {
            if (binary) {
              charger.sendBinary(frames.binary());
            } else {
              charger.send(frames.oversized(MAX_FRAME_BYTES));
            }
          } catch (CompletionException closedWhileSending) {
            // Joule may close before the client finished writing: the close code says why.
          }
          sent++;
          int code = charger.closeCode();
          closedWith.merge(code, 1L, Long::sum);
          if (code != (binary ? 1003 : 1009)) {
            problems.add((binary ? "binary" : "oversized") + " frame closed with " + code);
          }
        } catch (RuntimeException | AssertionError e) {
          problems.add("closing connection " + i + ": " + e);
        }
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  static {
    try {
      Files.createDirectories(Path.of("target"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
