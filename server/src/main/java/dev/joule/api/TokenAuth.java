package dev.joule.api;

import dev.joule.domain.access.ApiTokens;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Every request under {@code /api/v1} needs {@code Authorization: Bearer <token>}; without a valid
 * one it gets 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) and a JSON error. The charger
 * WebSocket ({@code /ocpp/...}) is not under it and is not affected. Mount before every API route.
 */
public final class TokenAuth {
  private static final String BEARER = "Bearer ";

  /** Where an admitted request keeps its token's fingerprint ({@link ApiTokens#fingerprint}). */
  private static final String FINGERPRINT = "joule.token";

  private final ApiTokens tokens;
  private final Executor blocking;

  public TokenAuth(ApiTokens tokens, Executor blocking) {
    this.tokens = tokens;
    this.blocking = blocking;
  }

  public void mount(Router router) {
    router.route(ApiErrors.PATHS).handler(this::check);
  }

  private void check(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      refuse(rc, "missing bearer token: send Authorization: Bearer <token>");
      return;
    }
    String token = header.substring(BEARER.length()).trim();
    String fingerprint = ApiTokens.fingerprint(token);
    rc.put(FINGERPRINT, fingerprint);
    if (tokens.knownValid(fingerprint)) {
      rc.next();
      return;
    }
    var context = rc.vertx().getOrCreateContext();
    rc.request().pause();
    CompletableFuture.supplyAsync(() -> tokens.isValidFingerprint(fingerprint), blocking)
        .whenComplete(
            (valid, failure) ->
                context.runOnContext(
                    v -> {
                      rc.request().resume();
                      if (failure != null) {
                        rc.fail(failure);
                      } else if (valid) {
                        rc.next();
                      } else {
                        refuse(rc, "invalid bearer token");
                      }
                    }));
  }

  /** The fingerprint of the token that admitted {@code rc}. */
  static String fingerprint(RoutingContext rc) {
    return rc.get(FINGERPRINT);
  }

  private static void refuse(RoutingContext rc, String message) {
    rc.response()
        .setStatusCode(401)
        .putHeader("WWW-Authenticate", "Bearer realm=\"joule\"")
        .putHeader("Content-Type", "application/json")
        .end(Json.writeString(new ApiErrors.ErrorBody(message)));
  }
}
