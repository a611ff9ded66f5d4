package dev.joule.gateway;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import dev.joule.bus.Reply;
import dev.joule.bus.inprocess.InProcessBus;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.HeartbeatResponse;
import dev.joule.security.Admission;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real gateway on a real HTTP server (port 0) with an in-process bus, as the app wires it. Plain
 * HTTP requests get "api" from the server's request handler, standing in for the REST router.
 */
final class GatewayFixture implements AutoCloseable {
  static final String NODE = "gw-test";

  /** Pings off, generous deadlines: tests switch on what they exercise. */
  static GatewaySettings quiet() {
    return new GatewaySettings(
        64 * 1024,
        Duration.ZERO,
        Duration.ofSeconds(30),
        false,
        16,
        Duration.ofSeconds(20),
        Duration.ofSeconds(30));
  }

  record Logged(String chargerId, boolean inbound, String frame) {}

  final Vertx vertx = Vertx.vertx();
  final OcppJson codec = OcppJson.forCentralSystem();
  final InProcessBus bus = new InProcessBus(Clock.systemUTC());
  final Set<String> refused = ConcurrentHashMap.newKeySet();
  final Set<String> failing = ConcurrentHashMap.newKeySet();
  final List<String> admitted = new CopyOnWriteArrayList<>();
  final List<Logged> frameLog = new CopyOnWriteArrayList<>();
  final Gateway gateway;
  final HttpServer server;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  GatewayFixture(GatewaySettings settings) {
    gateway =
        new Gateway(
            vertx,
            NODE,
            settings,
            codec,
            bus,
            bus,
            this::admit,
            (id, inbound, frame, at) -> frameLog.add(new Logged(id, inbound, frame)),
            Clock.systemUTC());
    server = vertx.createHttpServer(Gateway.configure(new HttpServerOptions(), settings));
    gateway.attach(server, request -> request.response().end("api"));
    await(server.listen(0, "localhost"));
  }

  private Admission.Verdict admit(Admission.Knock knock) {
    String chargerId = knock.chargerId();
    admitted.add(chargerId);
    if (failing.contains(chargerId)) {
      throw new IllegalStateException("database down");
    }
    return refused.contains(chargerId)
        ? new Admission.Refused(404, "unknown charger", java.util.Optional.empty())
        : Admission.ADMITTED;
  }

  int port() {
    return server.actualPort();
  }

  TestCharger connect(String chargerId) {
    return track(TestCharger.connect(vertx, port(), "/ocpp/" + chargerId, List.of("ocpp1.6")));
  }

  <T extends AutoCloseable> T track(T closeable) {
    closeables.add(closeable);
    return closeable;
  }

  /** Answers every Heartbeat with a CALLRESULT, as a processor would, until closed. */
  Processor startProcessor() {
    return track(new Processor(this));
  }

  /** Leases until a message for {@code chargerId} with call id {@code callId} turns up. */
  Lease leaseCall(String chargerId, String callId) {
    long deadline = System.nanoTime() + Await.DEADLINE.toNanos();
    List<Lease> skipped = new ArrayList<>();
    try {
      while (System.nanoTime() < deadline) {
        for (Lease lease : bus.lease(1, Duration.ofMillis(100))) {
          InboxMessage m = lease.message();
          if (m.chargerId().equals(chargerId) && m.call().messageId().equals(callId)) {
            return lease;
          }
          skipped.add(lease);
        }
      }
      throw new AssertionError("call " + callId + " of " + chargerId + " never reached the inbox");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      skipped.forEach(Lease::release);
    }
  }

  /** Every message in the inbox right now, leased. */
  List<Lease> leaseAll() {
    try {
      List<Lease> all = new ArrayList<>();
      List<Lease> batch;
      while (!(batch = bus.lease(100, Duration.ZERO)).isEmpty()) {
        all.addAll(batch);
      }
      return all;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Publishes a Heartbeat CALLRESULT for the leased message and acks it. */
  void answer(Lease lease) {
    InboxMessage m = lease.message();
    bus.publish(m.gateway(), heartbeatReply(m));
    lease.ack();
  }

  Reply heartbeatReply(InboxMessage m) {
    String id = m.call().messageId();
    return new Reply(
        m.chargerId(),
        m.connectionEpoch(),
        id,
        codec.writeResult(id, new HeartbeatResponse(Instant.now())));
  }

  static String heartbeat(String id) {
    return "[2,\"" + id + "\",\"Heartbeat\",{}]";
  }

  static <T> T await(io.vertx.core.Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeables.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    await(vertx.close());
  }
}
