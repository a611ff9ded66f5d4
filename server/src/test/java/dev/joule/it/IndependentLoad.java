package dev.joule.it;

import eu.chargetime.ocpp.ClientEvents;
import eu.chargetime.ocpp.JSONClient;
import eu.chargetime.ocpp.feature.profile.ClientCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ClientCoreProfile;
import eu.chargetime.ocpp.model.Confirmation;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load from the independent eu.chargetime.ocpp client (nobody here wrote it): charge sessions in a
 * loop, one CALL at a time, with a ledger of what was sent, answered and how long the longest wait
 * was. Its library matches answers to CALLs itself, so a duplicate answer is not seen here (the
 * {@link LoadCharger} ledger counts those).
 */
final class IndependentLoad implements AutoCloseable {
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);
  private static final ZonedDateTime BASE = ZonedDateTime.parse("2026-11-24T08:00:00Z");

  final String id;
  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger answered = new AtomicInteger();
  final AtomicInteger starts = new AtomicInteger();
  final AtomicInteger meterValues = new AtomicInteger();
  final AtomicLong longestMillis = new AtomicLong();
  final List<String> failures = new CopyOnWriteArrayList<>();

  private final JSONClient client;
  private final ClientCoreProfile core = new ClientCoreProfile(noCommands());
  private final Duration pause;
  private volatile boolean stopping;
  private Thread driver;

  private IndependentLoad(String id, JSONClient client, Duration pause) {
    this.id = id;
    this.client = client;
    this.pause = pause;
  }

  static IndependentLoad connect(String url, String id, Duration pause) throws Exception {
    JSONClient client = new JSONClient(new ClientCoreProfile(noCommands()));
    CompletableFuture<Void> opened = new CompletableFuture<>();
    client.connect(
        url,
        new ClientEvents() {
          @Override
          public void connectionOpened() {
            opened.complete(null);
          }

          @Override
          public void connectionClosed() {}
        });
    opened.get(10, TimeUnit.SECONDS);
    return new IndependentLoad(id, client, pause);
  }

  void start() {
    driver = Thread.ofVirtual().name("independent-" + id).start(this::drive);
  }

  void stop() {
    stopping = true;
  }

  void awaitStopped() throws InterruptedException {
    driver.join(ANSWER_WAIT.plusSeconds(5));
  }

  private void drive() {
    try {
      send(core.createBootNotificationRequest("Joule", "Independent"));
      send(
          core.createStatusNotificationRequest(
              1, ChargePointErrorCode.NoError, ChargePointStatus.Available));
      for (int session = 0; !stopping; session++) {
        ZonedDateTime start = BASE.plusMinutes(session);
        StartTransactionConfirmation started =
            send(core.createStartTransactionRequest(1, "TAG-" + id, session * 1000, start));
        if (started == null) {
          continue;
        }
        starts.incrementAndGet();
        int transactionId = started.getTransactionId();
        for (int i = 1; i <= 2 && !stopping; i++) {
          SampledValue energy = new SampledValue(Integer.toString(session * 1000 + i * 100));
          var request =
              core.createMeterValuesRequest(
                  1, new MeterValue(start.plusSeconds(10L * i), new SampledValue[] {energy}));
          request.setTransactionId(transactionId);
          if (send(request) != null) {
            meterValues.incrementAndGet();
          }
        }
        send(
            core.createStopTransactionRequest(
                session * 1000 + 300, start.plusSeconds(40), transactionId));
        send(core.createHeartbeatRequest());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private <C extends Confirmation> C send(Request request) throws InterruptedException {
    sent.incrementAndGet();
    long started = System.nanoTime();
    try {
      C answer =
          (C)
              client
                  .send(request)
                  .toCompletableFuture()
                  .get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      answered.incrementAndGet();
      longestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
      Thread.sleep(pause);
      return answer;
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      failures.add(id + " " + request.getClass().getSimpleName() + ": " + e);
      return null;
    }
  }

  @Override
  public void close() {
    client.disconnect();
  }

  /** The load sends no commands to these chargers. */
  private static ClientCoreEventHandler noCommands() {
    return (ClientCoreEventHandler)
        Proxy.newProxyInstance(
            IndependentLoad.class.getClassLoader(),
            new Class<?>[] {ClientCoreEventHandler.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
