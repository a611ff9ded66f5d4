package dev.joule.console;

import dev.joule.api.ApiException;
import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a page's work off the event loop (its reads block on JDBC) and writes the answer back on the
 * request's context. The one place where the console's failures become pages: a bad request (an
 * {@link ApiException}, e.g. a bad filter or cursor) is its status with its message; anything else
 * a 500 that says nothing more, logged once here.
 */
final class Pages {
  private static final Logger LOG = LoggerFactory.getLogger(Pages.class);

  /** The headers of every console answer (OWASP secure headers). */
  static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "same-origin",
          "Cache-Control",
          "no-store");

  private final Templates templates;
  private final Executor blocking;

  Pages(Templates templates, Executor blocking) {
    this.templates = templates;
    this.blocking = blocking;
  }

  Templates templates() {
    return templates;
  }

  void respond(RoutingContext rc, Supplier<Rendered> work) {
    offLoop(rc, work, rendered -> send(rc, rendered));
  }

  /** Runs {@code work} on the blocking executor, then {@code then} on the request's context. */
  <T> void offLoop(RoutingContext rc, Supplier<T> work, Consumer<T> then) {
    Context context = rc.vertx().getOrCreateContext();
    CompletableFuture.supplyAsync(work, blocking)
        .whenComplete(
            (result, failure) ->
                context.runOnContext(
                    v -> {
                      if (failure == null) {
                        then.accept(result);
                      } else {
                        send(rc, failed(rc, failure));
                      }
                    }));
  }

  /** 303: the browser follows with a GET (RFC 9110 §15.4.4), also after a POST. */
  static void seeOther(RoutingContext rc, String path) {
    rc.response().setStatusCode(303).putHeader("Location", path).end();
  }

  void send(RoutingContext rc, Rendered rendered) {
    var response = rc.response().setStatusCode(rendered.status());
    HEADERS.forEach(response::putHeader);
    response.putHeader("Content-Type", "text/html; charset=utf-8").end(rendered.html());
  }

  /** An error page (or, for htmx, fragment) with {@code status} and {@code message}. */
  Rendered error(int status, String message) {
    return new Rendered(
        status, templates.render("error", Map.of("status", status, "message", message)));
  }

  private Rendered failed(RoutingContext rc, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof ApiException bad) {
      return error(bad.status(), bad.getMessage());
    }
    LOG.error("{} {} failed", rc.request().method(), rc.request().path(), cause);
    return error(500, "internal error (logged)");
  }
}
