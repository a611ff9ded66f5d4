package dev.joule.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A charger that drives steady load for chaos tests: boot, status, then charge sessions (start,
 * three meter values, stop, heartbeat) with one outstanding CALL, and a ledger of every CALL it
 * sent and every answer it got, so a test can check that each CALL was answered exactly once.
 *
 * <p>Given more than one gateway ({@link #connect(HttpClient, List, String, Duration)}), it acts
 * like a charger behind a load balancer: when its connection drops it connects to the next one and
 * sends the CALL in flight again, with the same id (OCPP-J: a CALL unanswered on a lost connection
 * is sent again after reconnecting).
 */
final class LoadCharger implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);
  private static final Instant BASE = Instant.parse("2026-11-24T08:00:00Z");

  final String id;
  final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  final Map<String, Long> latencyMillis = new ConcurrentHashMap<>();
  final List<String> errors = new CopyOnWriteArrayList<>();
  final List<Integer> transactionIds = new CopyOnWriteArrayList<>();
  final AtomicInteger startsSent = new AtomicInteger();
  final AtomicInteger meterValuesSent = new AtomicInteger();
  final AtomicInteger unanswered = new AtomicInteger();
  final AtomicInteger reconnects = new AtomicInteger();

  private final HttpClient http;
  private final List<URI> gateways;
  private volatile WebSocket socket;
  private volatile String inFlight; // the frame of the CALL waiting for its answer
  private int gateway;
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Duration pause;
  private volatile boolean stopping;
  private Thread driver;
  private int sequence;

  private LoadCharger(HttpClient http, List<URI> gateways, String id, Duration pause) {
    this.id = id;
    this.pause = pause;
    this.http = http;
    this.gateways = gateways;
    this.socket = open(gateways.get(0));
  }

  private WebSocket open(URI uri) {
    return http.newWebSocketBuilder()
        .subprotocols("ocpp1.6")
        .buildAsync(uri, new Listener())
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  static LoadCharger connect(HttpClient http, int port, String id, Duration pause) {
    return connect(http, List.of(port), id, pause);
  }

  /**
   * A charger on the first of {@code ports} that moves on to the next when its connection drops.
   */
  static LoadCharger connect(HttpClient http, List<Integer> ports, String id, Duration pause) {
    return new LoadCharger(
        http,
        ports.stream().map(port -> URI.create("ws://127.0.0.1:" + port + "/ocpp/" + id)).toList(),
        id,
        pause);
  }

  /** The connection dropped: the next gateway, then the CALL in flight again. */
  private void failOver() {
    if (stopping || gateways.size() < 2) {
      return;
    }
    long until = System.nanoTime() + ANSWER_WAIT.toNanos();
    while (System.nanoTime() < until) {
      gateway = (gateway + 1) % gateways.size();
      try {
        socket = open(gateways.get(gateway));
        reconnects.incrementAndGet();
        String frame = inFlight;
        if (frame != null) {
          socket.sendText(frame, true).orTimeout(10, TimeUnit.SECONDS).join();
        }
        return;
      } catch (RuntimeException e) {
        try {
          Thread.sleep(200); // the next attempt, as a charger's reconnect back-off
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  void start() {
    driver = Thread.ofVirtual().name("load-" + id).start(this::drive);
  }

  /** Asks the charger to stop after the CALL in flight is answered (or its wait ran out). */
  void stop() {
    stopping = true;
  }

  /** Waits until the charger stopped. */
  void awaitStopped() throws InterruptedException {
    driver.join(ANSWER_WAIT.plusSeconds(5));
  }

  private void drive() {
    try {
      call("BootNotification", "{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"Chaos\"}");
      call(
          "StatusNotification",
          "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
      for (int session = 0; !stopping; session++) {
        Instant start = BASE.plus(Duration.ofMinutes(session));
        startsSent.incrementAndGet();
        JsonNode started =
            call(
                "StartTransaction",
                "{\"connectorId\":1,\"idTag\":\"TAG-"
                    + id
                    + "\",\"meterStart\":"
                    + (session * 1000)
                    + ",\"timestamp\":\""
                    + start
                    + "\"}");
        if (started == null) {
          continue;
        }
        int transactionId = started.path("transactionId").asInt();
        transactionIds.add(transactionId);
        for (int i = 1; i <= 3 && !stopping; i++) {
          meterValuesSent.incrementAndGet();
          call(
              "MeterValues",
              "{\"connectorId\":1,\"transactionId\":"
                  + transactionId
                  + ",\"meterValue\":[{\"timestamp\":\""
                  + start.plusSeconds(10L * i)
                  + "\",\"sampledValue\":[{\"value\":\""
                  + (session * 1000 + i * 100)
                  + "\"}]}]}");
        }
        call(
            "StopTransaction",
            "{\"transactionId\":"
                + transactionId
                + ",\"meterStop\":"
                + (session * 1000 + 400)
                + ",\"timestamp\":\""
                + start.plusSeconds(50)
                + "\"}");
        call("Heartbeat", "{}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends one CALL and waits for its answer; the payload of a CALLRESULT, null otherwise. */
  private JsonNode call(String action, String payload) throws InterruptedException {
    String callId = id + "-" + (++sequence);
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(callId, answer);
    answers.put(callId, new AtomicInteger());
    long sent = System.nanoTime();
    String call = "[2,\"" + callId + "\",\"" + action + "\"," + payload + "]";
    inFlight = call;
    try {
      socket.sendText(call, true).orTimeout(10, TimeUnit.SECONDS).join();
    } catch (RuntimeException e) {
      // the connection is going: failOver() sends the CALL in flight on the next one
    }
    JsonNode frame;
    try {
      frame = answer.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      unanswered.incrementAndGet();
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
    inFlight = null;
    latencyMillis.put(callId, (System.nanoTime() - sent) / 1_000_000);
    Thread.sleep(pause);
    if (frame.get(0).asInt() == 4) {
      errors.add(callId + " " + frame);
      return null;
    }
    return frame.get(2);
  }

  @Override
  public void close() {
    stopping = true;
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode frame = JSON.readTree(partial.toString());
          String callId = frame.get(1).asText();
          AtomicInteger count = answers.get(callId);
          if (count != null) {
            count.incrementAndGet();
          }
          CompletableFuture<JsonNode> waiting = pending.remove(callId);
          String frameInFlight = inFlight;
          if (frameInFlight != null && frameInFlight.startsWith("[2,\"" + callId + "\",")) {
            inFlight = null; // answered: a fail-over from now on must not send it again
          }
          if (waiting != null) {
            waiting.complete(frame);
          }
        } catch (Exception e) {
          errors.add("unreadable frame: " + partial);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      dropped(webSocket);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      dropped(webSocket);
    }

    private void dropped(WebSocket webSocket) {
      if (webSocket == socket && !stopping) {
        Thread.ofVirtual().name("failover-" + id).start(LoadCharger.this::failOver);
      }
    }
  }
}
