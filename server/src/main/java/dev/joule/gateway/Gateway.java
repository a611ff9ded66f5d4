package dev.joule.gateway;

import dev.joule.bus.Inbox;
import dev.joule.bus.Replies;
import dev.joule.bus.Reply;
import dev.joule.domain.ChargerConnections;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.security.Admission;
import dev.joule.security.ChargerIdentity;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCPP-J 1.6 WebSocket gateway: terminates chargers' connections at {@code /ocpp/{id}},
 * forwards their CALLs to the inbox one at a time per charger, writes the processors' replies back,
 * and sends the central system's CALLs. Holds connections only; no charger state.
 *
 * <p>Handshake decisions (OCPP-J 1.6 §3):
 *
 * <ul>
 *   <li>a WebSocket upgrade for any path other than {@code /ocpp/{id}}: HTTP 404; an identity that
 *       breaks {@link ChargerIdentity}'s rule: 400 with the reason, before anything is stored; an
 *       identity {@link Admission} refuses: its status (404 unknown, 401 with {@code
 *       WWW-Authenticate} for failed authentication); when admission itself fails (e.g. the
 *       database is down) or the gateway is shutting down: HTTP 503, a clear refusal the charger
 *       retries;
 *   <li>a charger that does not offer {@code ocpp1.6} (or offers no subprotocol at all): the
 *       handshake completes without a Sec-WebSocket-Protocol header and the connection is closed at
 *       once with 1002, as OCPP-J 1.6 §3.1.2 prescribes for a server that accepts none of the
 *       offered subprotocols;
 *   <li>a second connection with the same identity wins: the older one is closed with 4000
 *       (private-use code, "replaced"), its queued and in-flight calls are dropped, and the new one
 *       gets a higher connection epoch so that late replies for the old one are discarded.
 * </ul>
 *
 * <p>Frame decisions (OCPP-J 1.6 §4), each closing or answering only the connection at fault:
 *
 * <ul>
 *   <li>a malformed CALL whose message id could be read gets the CALLERROR the codec chose; a frame
 *       without a readable id (not JSON, not an array, numeric id) is logged and dropped, because
 *       1.6 has no CALLERROR for it (the "-1" id is a 2.0.1 convention) and the charger's own
 *       timeout makes it retry; unknown message type numbers are ignored;
 *   <li>a CALL arriving while {@link GatewaySettings#callQueueLimit()} others wait is answered
 *       GenericError "too many outstanding calls";
 *   <li>binary frames close the connection with 1003, text messages (reassembled) above {@link
 *       GatewaySettings#maxFrameBytes()} with 1009, a missing pong with 4001 (private use).
 * </ul>
 *
 * <p>Connection epochs start from the wall clock in microseconds so they also grow across gateway
 * restarts under the same node id.
 *
 * <p>Threads: the gateway may be attached to several servers on different event loops. Each
 * connection lives on the event loop that accepted it and its state is touched only there; what
 * connections share is thread-safe: the registry ({@link ConcurrentHashMap}, replaced atomically
 * with {@code compute}), epochs, counters ({@link java.util.concurrent.atomic.LongAdder}), one
 * {@link ReplyHandoff} per event loop, and the event sinks, which are called on the connection's
 * event loop and must be thread-safe. A charger that reconnects may land on another event loop than
 * its old connection: the old one is closed on its own loop. Only when two handshakes of one
 * charger race on two event loops can their connected events be published out of epoch order; the
 * higher epoch is the live connection.
 */
public final class Gateway implements ChargerConnections {
  /** The only subprotocol spoken. */
  public static final String SUBPROTOCOL = "ocpp1.6";

  private static final Logger log = LoggerFactory.getLogger(Gateway.class);

  private final GatewayParts parts;
  private final Replies replies;
  private final Admission admission;
  private final HandshakeRate handshakes;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final AtomicLong epochs;
  private final AtomicBoolean subscribed = new AtomicBoolean();

  /** Key of this gateway's {@link ReplyHandoff} in each event loop's context data. */
  private final Object handoffKey = new Object();

  private final List<EventSink> connectionEvents = new CopyOnWriteArrayList<>();
  private volatile boolean closing;

  public Gateway(
      Vertx vertx,
      String nodeId,
      GatewaySettings settings,
      OcppJson codec,
      Inbox inbox,
      Replies replies,
      Admission admission,
      FrameLog frameLog,
      Clock clock) {
    this(
        vertx,
        nodeId,
        settings,
        GatewayLimits.NONE,
        codec,
        inbox,
        replies,
        admission,
        frameLog,
        clock);
  }

  public Gateway(
      Vertx vertx,
      String nodeId,
      GatewaySettings settings,
      GatewayLimits limits,
      OcppJson codec,
      Inbox inbox,
      Replies replies,
      Admission admission,
      FrameLog frameLog,
      Clock clock) {
    GatewayCounters counters = new GatewayCounters();
    this.handshakes = new HandshakeRate(limits.handshakeRate());
    this.parts =
        new GatewayParts(
            vertx,
            nodeId,
            settings,
            limits,
            codec,
            inbox,
            frameLog,
            clock,
            counters,
            new CallSeconds(clock, counters));
    this.replies = replies;
    this.admission = admission;
    this.epochs = new AtomicLong(clock.millis() * 1000);
  }

  /**
   * Applies what the gateway needs to the options of the HTTP server it will be attached to: the
   * message size limit and the ocpp1.6 subprotocol. Call before creating the server.
   */
  public static HttpServerOptions configure(HttpServerOptions options, GatewaySettings settings) {
    return options
        .setMaxWebSocketFrameSize(settings.maxFrameBytes())
        .setMaxWebSocketMessageSize(settings.maxFrameBytes())
        .setWebSocketSubProtocols(List.of(SUBPROTOCOL));
  }

  /**
   * Handles every WebSocket upgrade request on {@code server}, hands its other requests to {@code
   * others}, and starts receiving replies for this node. Call before {@code listen}. Upgrades go
   * through the request handler rather than Vert.x's handshake handler so that a refusal can carry
   * headers ({@code WWW-Authenticate}) and a reason.
   */
  public void attach(HttpServer server, Handler<HttpServerRequest> others) {
    if (subscribed.compareAndSet(false, true)) {
      replies.subscribe(parts.nodeId(), this::onReply);
    }
    server.requestHandler(
        request -> {
          if (request.canUpgradeToWebSocket()) {
            onUpgrade(request);
          } else {
            others.handle(request);
          }
        });
  }

  /** Closes the charger's connection, if it has one here (its registration was removed). */
  @Override
  public void disconnect(String chargerId, String reason) {
    Connection connection = connections.get(chargerId);
    if (connection != null) {
      connection.context().runOnContext(v -> connection.close(Connection.POLICY_VIOLATION, reason));
    }
  }

  /**
   * Sends {@code request} to the charger when it has no other central-system CALL in flight. The
   * future completes with the charger's {@link Frame.CallResult} or {@link Frame.CallError} (or a
   * {@link Frame.Invalid} when its answer was malformed); exceptionally with {@link
   * ChargerOfflineException} at once when the charger is not connected here or later when its
   * connection closes, with {@link CallTimeoutException} after the call timeout. It completes on
   * the connection's event loop: dependent stages must not block (use the {@code *Async} variants
   * for slow work).
   */
  public CompletableFuture<Frame> call(String chargerId, Request request) {
    return call(chargerId, connections.get(chargerId), request);
  }

  /**
   * As {@link #call(String, Request)}, to the connection {@code epoch} only: a command routed here
   * for a connection that was replaced meanwhile fails as not connected, never reaches the newer
   * connection.
   */
  public CompletableFuture<Frame> call(String chargerId, long epoch, Request request) {
    Connection connection = connections.get(chargerId);
    return call(
        chargerId, connection != null && connection.epoch() == epoch ? connection : null, request);
  }

  private CompletableFuture<Frame> call(String chargerId, Connection connection, Request request) {
    if (connection == null) {
      parts.counters().centralCallsOffline.increment();
      return CompletableFuture.failedFuture(new ChargerOfflineException(chargerId, false));
    }
    CompletableFuture<Frame> result = new CompletableFuture<>();
    connection.context().runOnContext(v -> connection.call(request, result));
    return result;
  }

  /**
   * Publishes every connection opened and closed to {@code sink}, on the connection's event loop
   * (the sink must not block). A charger's connected event comes after it can take calls.
   */
  public void publishConnectionEvents(EventSink sink) {
    connectionEvents.add(sink);
  }

  /** Refuses new connections and closes every open one with 1001 (going away). */
  public Future<Void> close() {
    closing = true;
    List<Future<Void>> closed = new ArrayList<>();
    for (Connection connection : connections.values()) {
      closed.add(
          Future.future(
              done ->
                  connection
                      .context()
                      .runOnContext(
                          v ->
                              connection
                                  .close(Connection.GOING_AWAY, "central system shutting down")
                                  .onComplete(r -> done.complete()))));
    }
    return Future.join(closed).mapEmpty();
  }

  /** How many connections each event loop serves now, by thread name. */
  public Map<String, Integer> connectionsByEventLoop() {
    Map<String, Integer> counts = new HashMap<>();
    connections.values().forEach(c -> counts.merge(c.eventLoop(), 1, Integer::sum));
    return counts;
  }

  /** The name of the event-loop thread serving {@code chargerId}'s connection, if connected. */
  public Optional<String> eventLoopOf(String chargerId) {
    return Optional.ofNullable(connections.get(chargerId)).map(Connection::eventLoop);
  }

  @Override
  public Optional<Instant> connectedSince(String chargerId) {
    return Optional.ofNullable(connections.get(chargerId)).map(Connection::connectedAt);
  }

  @Override
  public Map<String, Instant> connected() {
    Map<String, Instant> snapshot = new HashMap<>();
    connections.forEach((id, connection) -> snapshot.put(id, connection.connectedAt()));
    return snapshot;
  }

  /** Chargers connected right now. */
  public int connectedCount() {
    return connections.size();
  }

  public GatewayCounters counters() {
    return parts.counters();
  }

  /** The per-second aggregates of the CALLs this gateway answered, for the postmortem. */
  public CallSeconds calls() {
    return parts.calls();
  }

  private void onUpgrade(HttpServerRequest request) {
    Optional<String> chargerId = ChargerPath.chargerId(request.path());
    if (chargerId.isEmpty()) {
      refuse(request, 404, "no charger path");
      return;
    }
    if (closing) {
      refuse(request, 503, "shutting down");
      return;
    }
    String id = chargerId.get();
    Optional<String> invalid = ChargerIdentity.problem(id);
    if (invalid.isPresent()) {
      refuse(request, 400, invalid.get());
      return;
    }
    if (!withinLimits(request)) {
      return;
    }
    request.pause(); // toWebSocket() after the admission resumes it and reads the request's end
    Admission.Knock knock = knock(request, id);
    parts
        .vertx()
        .executeBlocking(() -> admission.admit(knock), false)
        .onComplete(
            admitted -> {
              if (admitted.failed()) {
                parts.counters().admissionFailures.increment();
                log.warn("{}: admission failed, refusing with 503", id, admitted.cause());
                refuse(request, 503, "admission failed");
              } else if (admitted.result() instanceof Admission.Refused refused) {
                refused
                    .challenge()
                    .ifPresent(c -> request.response().putHeader("WWW-Authenticate", c));
                refuse(request, refused.status(), refused.reason());
              } else {
                request
                    .toWebSocket()
                    .onSuccess(socket -> open(socket, id))
                    .onFailure(e -> log.debug("{}: handshake failed", id, e));
              }
            });
  }

  private static Admission.Knock knock(HttpServerRequest request, String chargerId) {
    List<X509Certificate> certificates = new ArrayList<>();
    if (request.isSSL() && request.sslSession() != null) {
      try {
        for (Certificate certificate : request.sslSession().getPeerCertificates()) {
          if (certificate instanceof X509Certificate x509) {
            certificates.add(x509);
          }
        }
      } catch (SSLPeerUnverifiedException e) {
        // no client certificate: fine for profiles 0 to 2
      }
    }
    return new Admission.Knock(
        chargerId,
        address(request),
        request.isSSL(),
        Optional.ofNullable(request.getHeader("Authorization")),
        certificates);
  }

  private static String address(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  /** Refuses the handshake (503 or 429) when this gateway or its source address is at a limit. */
  private boolean withinLimits(HttpServerRequest request) {
    int max = parts.limits().maxConnections();
    if (max > 0 && connections.size() >= max) {
      parts.counters().connectionLimitRefused.increment();
      log.warn(
          "WebSocket upgrade for {} refused with 503: {} connections held (max-connections)",
          request.path(),
          connections.size());
      refuse(request, 503, "max-connections");
      return false;
    }
    String address = address(request);
    if (!handshakes.allow(address, System.nanoTime())) {
      parts.counters().handshakeRateRefused.increment();
      log.info(
          "WebSocket upgrade for {} from {} refused with 429: over handshake-rate-limit ({}/s)",
          request.path(),
          address,
          parts.limits().handshakeRate());
      refuse(request, 429, "handshake-rate-limit");
      return false;
    }
    return true;
  }

  /** Answers the upgrade request with {@code status} and {@code why} as a plain-text body. */
  private void refuse(HttpServerRequest request, int status, String why) {
    parts.counters().handshakesRefused.increment();
    log.debug("WebSocket upgrade for {} refused with {}: {}", request.path(), status, why);
    request.resume();
    request
        .response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(why);
  }

  private void open(ServerWebSocket socket, String chargerId) {
    if (!SUBPROTOCOL.equals(socket.subProtocol())) {
      parts.counters().subprotocolRefused.increment();
      log.info("{}: did not offer subprotocol {}, closing", chargerId, SUBPROTOCOL);
      socket.close(Connection.PROTOCOL_ERROR, "subprotocol " + SUBPROTOCOL + " required");
      return;
    }
    if (closing) {
      socket.close(Connection.GOING_AWAY, "central system shutting down");
      return;
    }
    Context context = parts.vertx().getOrCreateContext();
    ReplyHandoff handoff = handoff(context);
    Connection[] replaced = new Connection[1];
    Connection connection =
        connections.compute(
            chargerId,
            (id, old) -> {
              replaced[0] = old;
              return new Connection(
                  parts, socket, id, epochs.incrementAndGet(), context, handoff, this::closed);
            });
    connection.start();
    parts.counters().connectionsOpened.increment();
    log.info("{}: connected (epoch {})", chargerId, connection.epoch());
    publish(new ChargerEvent.Connected(chargerId, parts.clock().instant(), connection.epoch()));
    Connection old = replaced[0];
    if (old != null) {
      parts.counters().connectionsReplaced.increment();
      old.context()
          .runOnContext(v -> old.close(Connection.REPLACED, "replaced by a new connection"));
    }
    if (closing) { // close() may have looked at the registry before this connection was in it
      connection.close(Connection.GOING_AWAY, "central system shutting down");
    }
  }

  /** One per event loop, kept in its context so that it lives as long as the event loop. */
  private ReplyHandoff handoff(Context context) {
    ReplyHandoff handoff = context.get(handoffKey);
    if (handoff == null) {
      handoff = new ReplyHandoff(context);
      context.put(handoffKey, handoff);
    }
    return handoff;
  }

  private void closed(Connection connection) {
    boolean current = connections.remove(connection.chargerId(), connection);
    log.info("{}: disconnected (epoch {})", connection.chargerId(), connection.epoch());
    publish(
        new ChargerEvent.Disconnected(
            connection.chargerId(), parts.clock().instant(), connection.epoch(), !current));
  }

  private void publish(ChargerEvent event) {
    for (EventSink sink : connectionEvents) {
      sink.publish(event);
    }
  }

  /** On the processor's thread: find the connection, then hand the reply to its event loop. */
  private void onReply(Reply reply) {
    Connection connection = connections.get(reply.chargerId());
    if (connection == null || connection.epoch() != reply.connectionEpoch()) {
      parts.counters().repliesDropped.increment();
      log.debug(
          "{}: reply for call {} of epoch {} dropped: connection gone",
          reply.chargerId(),
          reply.callId(),
          reply.connectionEpoch());
      return;
    }
    connection.handoff().deliver(connection::onReply, reply);
  }
}
