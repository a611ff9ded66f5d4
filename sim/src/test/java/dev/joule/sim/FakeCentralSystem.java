package dev.joule.sim;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.BootNotificationRequest;
import dev.joule.ocpp.message.core.ResetRequest;
import dev.joule.ocpp.message.core.ResetType;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.security.LogStatusNotificationRequest;
import dev.joule.ocpp.message.security.SignedFirmwareStatusNotificationRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A central system that answers every CALL at once with a fixed valid CALLRESULT (except the
 * actions it is told to ignore; one charger's answers can be held back), sends each charger one
 * Reset after its BootNotification, and records what it saw.
 */
final class FakeCentralSystem implements AutoCloseable {
  private static final String NOW = "\"2026-11-24T12:00:00Z\"";

  private final Vertx vertx = Vertx.vertx();
  private final OcppJson codec = OcppJson.forCentralSystem();
  private final Set<Action> ignored;
  private final String slowPath;
  private final Duration slowBy;
  private final HttpServer server;
  private final AtomicInteger transactionIds = new AtomicInteger();
  private final Request afterBoot;
  private final Set<ServerWebSocket> commanded = ConcurrentHashMap.newKeySet();

  /**
   * "charger status" of every firmware, diagnostics and log notification, in the order received.
   */
  final java.util.Queue<String> updateStatuses = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** "charger version" of every BootNotification, in the order received. */
  final java.util.Queue<String> firmwareVersions =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  final Map<Action, AtomicLong> calls = new ConcurrentHashMap<>();
  final Set<String> paths = ConcurrentHashMap.newKeySet();
  final Set<String> subprotocols = ConcurrentHashMap.newKeySet();
  final Set<String> authorizations = ConcurrentHashMap.newKeySet();
  final Set<String> remoteHosts = ConcurrentHashMap.newKeySet();
  final AtomicLong acceptedResets = new AtomicLong();
  final AtomicLong unexpectedFrames = new AtomicLong();

  FakeCentralSystem(Set<Action> ignored) throws Exception {
    this(ignored, "", Duration.ZERO);
  }

  /** Sends {@code afterBoot} instead of a Reset after each connection's first BootNotification. */
  FakeCentralSystem(Request afterBoot) throws Exception {
    this(Set.of(), "", Duration.ZERO, afterBoot);
  }

  /** Answers the CALLs that arrive on {@code slowPath} (e.g. /ocpp/CP-1) {@code slowBy} late. */
  FakeCentralSystem(Set<Action> ignored, String slowPath, Duration slowBy) throws Exception {
    this(ignored, slowPath, slowBy, new ResetRequest(ResetType.SOFT));
  }

  private FakeCentralSystem(
      Set<Action> ignored, String slowPath, Duration slowBy, Request afterBoot) throws Exception {
    this.afterBoot = afterBoot;
    this.ignored = Set.copyOf(ignored);
    this.slowPath = slowPath;
    this.slowBy = slowBy;
    this.server =
        vertx
            .createHttpServer(new HttpServerOptions().setWebSocketSubProtocols(List.of("ocpp1.6")))
            .webSocketHandler(this::accept)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  String url() {
    return "ws://127.0.0.1:" + server.actualPort() + "/ocpp";
  }

  long calls(Action action) {
    return calls.getOrDefault(action, new AtomicLong()).get();
  }

  private void accept(ServerWebSocket ws) {
    paths.add(ws.path());
    subprotocols.add(String.valueOf(ws.subProtocol()));
    remoteHosts.add(ws.remoteAddress().host());
    authorizations.add(String.valueOf(ws.headers().get("Authorization")));
    ws.textMessageHandler(
        text -> {
          switch (codec.read(text)) {
            case Frame.Call call -> {
              calls.computeIfAbsent(call.action(), a -> new AtomicLong()).incrementAndGet();
              note(ws.path(), call);
              if (ignored.contains(call.action())) {
                return;
              }
              if (ws.path().equals(slowPath)) {
                vertx.setTimer(slowBy.toMillis(), t -> answer(ws, call));
              } else {
                answer(ws, call);
              }
            }
            case Frame.CallResult result
                when result.messageId().equals("cs-1")
                    && result.payloadJson().contains("\"Accepted\"") ->
                acceptedResets.incrementAndGet();
            default -> unexpectedFrames.incrementAndGet();
          }
        });
  }

  private void note(String path, Frame.Call call) {
    String charger = path.substring(path.lastIndexOf('/') + 1) + " ";
    switch (call.payload()) {
      case FirmwareStatusNotificationRequest r -> updateStatuses.add(charger + r.status().wire());
      case DiagnosticsStatusNotificationRequest r ->
          updateStatuses.add(charger + r.status().wire());
      case LogStatusNotificationRequest r ->
          updateStatuses.add(charger + r.status().wire() + "/" + r.requestId());
      case SignedFirmwareStatusNotificationRequest r ->
          updateStatuses.add(charger + r.status().wire() + "/" + r.requestId());
      case BootNotificationRequest r -> firmwareVersions.add(charger + r.firmwareVersion());
      default -> {}
    }
  }

  private void answer(ServerWebSocket ws, Frame.Call call) {
    ws.writeTextMessage("[3,\"" + call.messageId() + "\"," + result(call.action()) + "]");
    if (call.action() == Action.BOOT_NOTIFICATION && commanded.add(ws)) {
      ws.writeTextMessage(codec.writeCall("cs-1", afterBoot));
    }
  }

  private String result(Action action) {
    return switch (action) {
      case BOOT_NOTIFICATION ->
          "{\"status\":\"Accepted\",\"currentTime\":" + NOW + ",\"interval\":300}";
      case HEARTBEAT -> "{\"currentTime\":" + NOW + "}";
      case START_TRANSACTION ->
          "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":"
              + transactionIds.incrementAndGet()
              + "}";
      default -> "{}";
    };
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
