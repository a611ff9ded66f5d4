package dev.joule.sim;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The ceiling: a bare Vert.x WebSocket server that accepts {@code ocpp1.6} and answers each CALL at
 * once with a constant valid CALLRESULT for its action ({@link Answers}), storing and checking
 * nothing. What a simulator achieves against it is the limit of the machine and the client, which a
 * real central system is measured against.
 *
 * <p>It lives in the simulator's module because it is the simulator's counterpart: same jar, same
 * dependencies (Vert.x, no database, no JMH), and its tests run the real simulation against it.
 */
@Command(
    name = "ceiling-server",
    mixinStandardHelpOptions = true,
    description =
        "A bare Vert.x WebSocket server answering every OCPP 1.6J CALL with a constant valid"
            + " CALLRESULT: the ceiling a central system is compared with.")
public final class CeilingServer implements Callable<Integer> {
  private static final String CALL_PREFIX = "[2,\"";

  @Option(names = "--port", defaultValue = "8380", description = "(default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "(default: ${DEFAULT-VALUE})")
  String host;

  @Option(
      names = "--event-loops",
      defaultValue = "2",
      description = "event loop threads (default: ${DEFAULT-VALUE})")
  int eventLoops;

  private final OcppJson codec = OcppJson.forCentralSystem();
  private final Map<Action, String> payloads = new EnumMap<>(Action.class);
  private final Map<String, Action> byWire = new HashMap<>();

  public CeilingServer() {
    for (Action action : Action.values()) {
      Answers.toChargerCall(action)
          .ifPresent(
              payload -> {
                payloads.put(action, payload);
                byWire.put(action.wire(), action);
              });
    }
  }

  /**
   * Starts listening with one server per event loop (Vert.x shares the port between them); the
   * future completes with the port actually bound. Port 0 picks a free one, for one event loop.
   */
  static Future<Integer> listen(Vertx vertx, String host, int port, int eventLoops) {
    AtomicInteger bound = new AtomicInteger();
    return vertx
        .deployVerticle(
            () ->
                new VerticleBase() {
                  @Override
                  public Future<?> start() {
                    return vertx
                        .createHttpServer(
                            new HttpServerOptions()
                                .setWebSocketSubProtocols(List.of(Shard.SUBPROTOCOL)))
                        .webSocketHandler(new CeilingServer()::accept)
                        .listen(port, host)
                        .onSuccess(server -> bound.set(server.actualPort()));
                  }
                },
            new DeploymentOptions().setInstances(eventLoops))
        .map(id -> bound.get());
  }

  private void accept(ServerWebSocket ws) {
    ws.textMessageHandler(text -> answer(text).ifPresent(ws::writeTextMessage));
  }

  /**
   * The answer to one frame. The usual compact {@code [2,"id","Action",{...}]} is answered from a
   * scan for the id and the action; anything else takes the full parse.
   */
  Optional<String> answer(String text) {
    if (text.startsWith(CALL_PREFIX)) {
      int idEnd = text.indexOf('"', CALL_PREFIX.length());
      int actionStart = idEnd + 3;
      if (idEnd > 0 && text.startsWith(",\"", idEnd + 1)) {
        int actionEnd = text.indexOf('"', actionStart);
        String id = text.substring(CALL_PREFIX.length(), idEnd);
        Action action = actionEnd > 0 ? byWire.get(text.substring(actionStart, actionEnd)) : null;
        if (action != null && id.indexOf('\\') < 0) {
          return Optional.of("[3,\"" + id + "\"," + payloads.get(action) + "]");
        }
      }
    }
    return switch (codec.read(text)) {
      case Frame.Call call ->
          Optional.of(
              payloads.containsKey(call.action())
                  ? "[3," + Report.quote(call.messageId()) + "," + payloads.get(call.action()) + "]"
                  : codec.writeError(
                      call.messageId(), ErrorCode.NOT_SUPPORTED, call.action().wire()));
      case Frame.Invalid invalid when invalid.expectsCallError() ->
          Optional.of(
              codec.writeError(
                  invalid.messageId().orElseThrow(), invalid.errorCode(), invalid.description()));
      default -> Optional.empty();
    };
  }

  @Override
  public Integer call() throws InterruptedException {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions().setEventLoopPoolSize(eventLoops).setPreferNativeTransport(false));
    int bound = listen(vertx, host, port, eventLoops).await();
    System.out.println("ceiling server listening on ws://" + host + ":" + bound + "/ocpp");
    new CountDownLatch(1).await(); // until the process is stopped
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new CeilingServer()).execute(args));
  }
}
