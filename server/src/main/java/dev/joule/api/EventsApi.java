package dev.joule.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.domain.access.ApiTokens;
import dev.joule.domain.event.RecentEvents;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events[?chargerId=]}: Server-Sent Events (WHATWG HTML §9.2) of {@link
 * RecentEvents}: charger connected/disconnected, connector status, transaction started/stopped,
 * command status. Each event is {@code id: <n>}, {@code event: <type>}, {@code data: <JSON>}. A
 * client that reconnects with {@code Last-Event-ID} gets the events after it that are still
 * retained; if some were dropped, or the id is not one of this process (Joule restarted), the
 * stream starts with {@code event: gap} and continues from the oldest retained event: the client
 * should re-read the state it keeps from the REST API.
 *
 * <p>Each stream pulls from the shared buffer at its own pace, on its request's event loop, and
 * writes only while the connection's write queue has room: a slow client never blocks publishers or
 * the event loop. A client is disconnected, with a final {@code event: disconnect} naming the
 * reason, when the events it has not read yet are dropped from the buffer, or when it reads nothing
 * for {@link #STALLED_AFTER}, and when the token that opened the stream is revoked (checked every
 * {@link #ACCESS_CHECK}; the console's streams hold their session's token).
 */
public final class EventsApi {
  static final String EVENTS = ReadApi.PREFIX + "/events";

  /** Events copied from the buffer per step; the event loop goes back to other work in between. */
  static final int CHUNK = 256;

  /** A comment line this often keeps proxies from closing an idle stream. */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  /** A client whose write queue stays full this long is not reading: it is disconnected. */
  static final Duration STALLED_AFTER = Duration.ofSeconds(30);

  /** How often an open stream asks whether its token is still valid. */
  static final Duration ACCESS_CHECK = Duration.ofSeconds(5);

  /** Bytes a client may have unsent before Joule stops writing to it until it reads. */
  static final int WRITE_QUEUE_BYTES = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EventsApi.class);

  private final RecentEvents events;
  private final ApiTokens tokens;
  private final Executor blocking;

  /** {@code blocking} runs the token checks that may ask the database. */
  public EventsApi(RecentEvents events, ApiTokens tokens, Executor blocking) {
    this.events = events;
    this.tokens = tokens;
    this.blocking = blocking;
  }

  public void mount(Router router) {
    router.get(EVENTS).handler(rc -> open(rc, TokenAuth.fingerprint(rc)));
  }

  /**
   * Answers {@code rc} with the stream, as {@code GET /api/v1/events} would: the console serves it
   * behind its session cookie, since a browser's EventSource cannot send a bearer token.
   *
   * @param token the fingerprint of the token the stream was opened with ({@code
   *     ApiTokens.fingerprint}): the stream ends when it is revoked
   */
  public void open(RoutingContext rc, String token) {
    Query query = Query.of(rc, "chargerId");
    Optional<String> chargerId = query.text("chargerId");
    long position = position(rc.request().getHeader("Last-Event-ID"));
    HttpServerResponse response = rc.response();
    response
        .setChunked(true)
        .setWriteQueueMaxSize(WRITE_QUEUE_BYTES)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.write(": joule events\nretry: 2000\n\n");
    new Stream(
            rc.vertx(),
            response,
            String.valueOf(rc.request().remoteAddress()),
            chargerId,
            position,
            token)
        .start();
  }

  private long position(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return events.last();
    }
    try {
      return Long.parseLong(lastEventId.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("Last-Event-ID", "'" + lastEventId + "' is not an event id");
    }
  }

  /** One client's stream; every method but {@link #wake} runs on the request's context. */
  private final class Stream {
    private final Vertx vertx;
    private final Context context;
    private final HttpServerResponse response;
    private final String client;
    private final Optional<String> chargerId;
    private final String token;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private long position;
    private boolean resuming = true;
    private boolean closed;
    private long fullSince = -1;
    private AutoCloseable listening;
    private long timer;
    private long accessTimer;

    Stream(
        Vertx vertx,
        HttpServerResponse response,
        String client,
        Optional<String> chargerId,
        long position,
        String token) {
      this.vertx = vertx;
      this.context = vertx.getOrCreateContext();
      this.response = response;
      this.client = client;
      this.chargerId = chargerId;
      this.position = position;
      this.token = token;
    }

    void start() {
      response.closeHandler(v -> cleanUp());
      response.exceptionHandler(e -> cleanUp());
      listening = events.listen(this::wake);
      timer = vertx.setPeriodic(KEEP_ALIVE.toMillis(), id -> keepAlive());
      accessTimer = vertx.setPeriodic(ACCESS_CHECK.toMillis(), id -> checkAccess());
      pump();
    }

    /** On the publisher's thread: only schedules a pump, at most one at a time. */
    private void wake() {
      if (scheduled.compareAndSet(false, true)) {
        context.runOnContext(
            v -> {
              scheduled.set(false);
              pump();
            });
      }
    }

    private void pump() {
      while (!closed) {
        if (response.writeQueueFull()) {
          if (fullSince < 0) {
            fullSince = System.nanoTime();
          }
          response.drainHandler(v -> pump());
          return;
        }
        fullSince = -1;
        RecentEvents.Batch batch = events.after(position, CHUNK);
        Buffer out = Buffer.buffer();
        if (batch.gap()) {
          if (!resuming) {
            disconnect("fell behind: events it had not read were dropped from the buffer");
            return;
          }
          out.appendString("event: gap\ndata: {\"reason\":\"events after ")
              .appendString(Long.toString(position))
              .appendString(" are no longer retained; re-read the state from the API\"}\n\n");
        }
        resuming = false;
        for (RecentEvents.Stored stored : batch.events()) {
          position = stored.id();
          if (chargerId.isEmpty() || chargerId.get().equals(stored.event().chargerId())) {
            append(out, stored);
          }
        }
        if (out.length() > 0) {
          response.write(out);
        }
        if (batch.events().size() < CHUNK) {
          return;
        }
      }
    }

    private void keepAlive() {
      if (closed) {
        return;
      }
      if (fullSince >= 0 && System.nanoTime() - fullSince > STALLED_AFTER.toNanos()) {
        disconnect("not reading: nothing read for " + STALLED_AFTER.toSeconds() + " s");
      } else if (!response.writeQueueFull()) {
        response.write(": keep-alive\n\n");
      }
    }

    /** Ends the stream once its token is no longer valid; asks the database off the loop. */
    private void checkAccess() {
      if (closed || tokens.knownValid(token)) {
        return;
      }
      CompletableFuture.supplyAsync(() -> tokens.isValidFingerprint(token), blocking)
          .whenComplete(
              (valid, failure) ->
                  context.runOnContext(
                      v -> {
                        if (failure != null) {
                          LOG.warn("checking an events client's token failed", failure);
                        } else if (!valid && !closed) {
                          disconnect("its token was revoked");
                        }
                      }));
    }

    private void disconnect(String reason) {
      LOG.info("events client {} disconnected: {}", client, reason);
      ObjectNode data = Json.tree(new DisconnectReason(reason));
      response.write("event: disconnect\ndata: " + data + "\n\n");
      cleanUp();
      response.end();
    }

    private void cleanUp() {
      if (closed) {
        return;
      }
      closed = true;
      vertx.cancelTimer(timer);
      vertx.cancelTimer(accessTimer);
      try {
        listening.close();
      } catch (Exception e) {
        LOG.debug("removing an events listener failed", e);
      }
    }
  }

  private static void append(Buffer out, RecentEvents.Stored stored) {
    ObjectNode data = Json.tree(new EventHead(stored.id(), stored.event().type()));
    data.setAll(Json.tree(stored.event()));
    out.appendString("id: ")
        .appendString(Long.toString(stored.id()))
        .appendString("\nevent: ")
        .appendString(stored.event().type())
        .appendString("\ndata: ")
        .appendString(data.toString())
        .appendString("\n\n");
  }

  /** The fields every event's data starts with. */
  record EventHead(long id, String type) {}

  /** The data of the final event of a stream Joule closes. */
  record DisconnectReason(String reason) {}
}
