package dev.joule.api;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures under {@code /api/v1} become responses: {@code {"error": "message"}}
 * with 400, 404, 405 (with {@code Allow}), 413 or 500. A 500 says only "internal error"; the
 * exception is logged once here with the request line, never sent.
 */
final class ApiErrors {
  static final String PATHS = ReadApi.PREFIX + "/*";

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** Statuses Vert.x itself fails a request with, e.g. the body handler's size limit. */
  private static final Map<Integer, String> CLIENT_ERRORS =
      Map.of(
          400, "malformed request",
          404, "not found",
          413, "request body too large",
          415, "unsupported media type");

  private ApiErrors() {}

  /**
   * Adds the error handling for {@code /api/v1}. Its catch-all route is ordered last, so API routes
   * mounted after it still match before it.
   */
  static void mount(Router router) {
    router
        .route(PATHS)
        .last()
        .handler(rc -> noRouteMatched(router, rc))
        .failureHandler(ApiErrors::failed);
  }

  /** 405 if another method is routed for this path, otherwise 404. */
  private static void noRouteMatched(Router router, RoutingContext rc) {
    Set<String> allowed = allowedMethods(router, rc.normalizedPath());
    if (allowed.isEmpty()) {
      send(rc.response(), 404, "no resource at " + rc.request().path());
      return;
    }
    rc.response().putHeader("Allow", String.join(", ", allowed));
    send(
        rc.response(),
        405,
        rc.request().method() + " is not allowed here; allowed: " + String.join(", ", allowed));
  }

  private static Set<String> allowedMethods(Router router, String path) {
    Set<String> allowed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      Set<HttpMethod> methods = route.methods();
      if (methods != null && RoutePath.matches(route, path)) {
        methods.forEach(method -> allowed.add(method.name()));
      }
    }
    return allowed;
  }

  private static void failed(RoutingContext rc) {
    Throwable failure = rc.failure();
    if (failure instanceof ApiException api) {
      send(rc.response(), api.status(), api.getMessage());
      return;
    }
    int status = rc.statusCode();
    String known = CLIENT_ERRORS.get(status);
    if (known != null) {
      send(rc.response(), status, known);
      return;
    }
    LOG.error("{} {} failed", rc.request().method(), rc.request().uri(), failure);
    send(rc.response(), 500, "internal error");
  }

  private static void send(HttpServerResponse response, int status, String message) {
    if (response.headWritten()) {
      response.reset();
      return;
    }
    response
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Json.writeString(new ErrorBody(message)));
  }

  /** The JSON of every error response. */
  record ErrorBody(String error) {}
}
