package dev.joule.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Joule's own test charger: a plain java.net.http WebSocket that sends exactly the text it is
 * given, so tests can send what no well-behaved client library would.
 */
final class RawCharger implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final WebSocket socket;

  private RawCharger(HttpClient client, URI uri, Map<String, String> headers) {
    WebSocket.Builder builder = client.newWebSocketBuilder();
    headers.forEach(builder::header);
    socket =
        builder
            .subprotocols("ocpp1.6")
            .connectTimeout(WAIT)
            .buildAsync(uri, new Listener())
            .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
            .join();
  }

  static RawCharger connect(int port, String chargerId) {
    return connect(
        HttpClient.newHttpClient(), URI.create("ws://127.0.0.1:" + port + "/ocpp/" + chargerId));
  }

  /** Over {@code client}, e.g. one with the TLS context of a test's certificates. */
  static RawCharger connect(HttpClient client, URI uri) {
    return new RawCharger(client, uri, Map.of());
  }

  /** With extra handshake headers, e.g. {@code Authorization} for security profiles 1 and 2. */
  static RawCharger connect(HttpClient client, URI uri, Map<String, String> headers) {
    return new RawCharger(client, uri, headers);
  }

  /** The {@code Authorization} header of HTTP Basic auth (OCPP security profiles 1 and 2). */
  static Map<String, String> basic(String user, String password) {
    return Map.of(
        "Authorization",
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  String subprotocol() {
    return socket.getSubprotocol();
  }

  RawCharger send(String frame) {
    socket.sendText(frame, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    return this;
  }

  void sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).join();
  }

  /** The next frame Joule sent; fails after the wait. */
  String next() {
    try {
      String frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (frame == null) {
        throw new AssertionError("no frame within " + WAIT);
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends a frame and returns the next frame Joule sends. */
  String call(String frame) {
    return send(frame).next();
  }

  /** The close code Joule sent, once the connection closed. */
  int closeCode() {
    return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
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
}
