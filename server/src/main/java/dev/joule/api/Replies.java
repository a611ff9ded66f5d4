package dev.joule.api;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a request's work off the event loop and answers on it. The work (JDBC and JSON writing) runs
 * on the blocking executor; the response is written, or the failure handed to {@link ApiErrors},
 * back on the Vert.x context the request arrived on.
 */
final class Replies {
  private final Executor blocking;

  Replies(Executor blocking) {
    this.blocking = blocking;
  }

  /** Answers 200 with what {@code work} returns. */
  void json(RoutingContext rc, Supplier<?> work) {
    reply(rc, () -> Reply.ok(work.get()));
  }

  void reply(RoutingContext rc, Supplier<Reply> work) {
    Context context = rc.vertx().getOrCreateContext();
    CompletableFuture<Encoded> encoded;
    try {
      encoded = CompletableFuture.supplyAsync(() -> Encoded.of(work.get()), blocking);
    } catch (RuntimeException rejected) {
      rc.fail(rejected);
      return;
    }
    encoded.whenComplete(
        (reply, failure) ->
            context.runOnContext(
                ignored -> {
                  if (failure != null) {
                    rc.fail(unwrap(failure));
                  } else {
                    reply.send(rc);
                  }
                }));
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** A reply with its body already written as JSON, so the event loop only sends bytes. */
  private record Encoded(int status, byte[] body, String contentType, String location) {
    static Encoded of(Reply reply) {
      if (reply.body() instanceof Reply.Text text) {
        return new Encoded(
            reply.status(),
            text.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
            text.contentType(),
            reply.location());
      }
      return new Encoded(
          reply.status(),
          reply.body() == null ? null : Json.write(reply.body()),
          "application/json",
          reply.location());
    }

    void send(RoutingContext rc) {
      HttpServerResponse response = rc.response();
      if (response.closed() || response.ended()) {
        return;
      }
      response.setStatusCode(status);
      if (status == 201) {
        response.putHeader("Location", location == null ? rc.request().path() : location);
      }
      if (body == null) {
        response.end();
      } else {
        response.putHeader("Content-Type", contentType).end(Buffer.buffer(body));
      }
    }
  }
}
