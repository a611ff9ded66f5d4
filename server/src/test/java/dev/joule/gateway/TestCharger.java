package dev.joule.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrameType;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** A charger on Vert.x's WebSocket client: it answers pings as any RFC 6455 client does. */
final class TestCharger implements AutoCloseable {
  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closedWith = new CompletableFuture<>();
  private final AtomicInteger pings = new AtomicInteger();

  private TestCharger(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.frameHandler(
        frame -> {
          if (frame.type() == WebSocketFrameType.TEXT) {
            received.add(frame.textData());
          } else if (frame.type() == WebSocketFrameType.PING) {
            pings.incrementAndGet();
          }
        });
    socket.closeHandler(
        v -> closedWith.complete(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode()));
  }

  static TestCharger connect(Vertx vertx, int port, String path, List<String> subprotocols) {
    return connect(vertx, port, path, subprotocols, new WebSocketClientOptions());
  }

  static TestCharger connect(
      Vertx vertx, int port, String path, List<String> subprotocols, WebSocketClientOptions opts) {
    WebSocketClient client = vertx.createWebSocketClient(opts);
    try {
      // Handlers go on in the completion callback, on the event loop, before any frame arrives.
      return get(open(client, port, path, subprotocols).map(ws -> new TestCharger(client, ws)));
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Why the gateway refused the upgrade (the handshake must fail). */
  static Throwable refusal(Vertx vertx, int port, String path, List<String> subprotocols) {
    WebSocketClient client = vertx.createWebSocketClient();
    try {
      open(client, port, path, subprotocols)
          .toCompletionStage()
          .toCompletableFuture()
          .get(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("the upgrade of " + path + " was accepted");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    } finally {
      client.close();
    }
  }

  private static Future<WebSocket> open(
      WebSocketClient client, int port, String path, List<String> subprotocols) {
    WebSocketConnectOptions connect =
        new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI(path);
    if (!subprotocols.isEmpty()) {
      connect.setSubProtocols(subprotocols);
    }
    return client.connect(connect);
  }

  private static <T> T get(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  void send(String text) {
    socket.writeTextMessage(text);
  }

  void sendBinary(byte[] data) {
    socket.writeBinaryMessage(Buffer.buffer(data));
  }

  /** The next text message from the gateway; fails after the deadline. */
  String next() {
    try {
      String text = received.poll(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(text).as("a message within %s", Await.DEADLINE).isNotNull();
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The close code the gateway sent (-1 when it sent none); fails after the deadline. */
  short awaitClose() {
    try {
      return closedWith.get(Await.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("connection not closed within " + Await.DEADLINE, e);
    }
  }

  boolean isClosed() {
    return closedWith.isDone();
  }

  int pings() {
    return pings.get();
  }

  String subProtocol() {
    return socket.subProtocol();
  }

  @Override
  public void close() {
    client.close();
  }
}
