package dev.joule.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.joule.domain.access.ApiTokens;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/tokens} lists the API tokens (never a token or its hash), {@code DELETE
 * /api/v1/tokens/{tokenId}} revokes a stored one (204): it is refused from then on, and the console
 * sessions opened with it end. The token from {@code JOULE_API_TOKEN} is listed with id {@code
 * configured} and cannot be revoked here (409): it is configured, not stored. Protected by the API
 * tokens like every route of {@code /api/v1}, so any token may revoke any other, itself included.
 */
public final class TokenApi {
  static final String TOKENS = ReadApi.PREFIX + "/tokens";
  static final String TOKEN = TOKENS + "/:tokenId";

  private static final Pattern STORED_ID = Pattern.compile("[1-9][0-9]{0,17}");

  private final ApiTokens tokens;
  private final Replies replies;

  /** The list: every token, in one page. */
  record TokenList(List<ApiTokens.Listed> items, String next) {}

  public TokenApi(ApiTokens tokens, Executor blocking) {
    this.tokens = tokens;
    this.replies = new Replies(blocking);
  }

  public void mount(Router router) {
    router.get(TOKENS).handler(this::list);
    router.delete(TOKEN).handler(this::revoke);
  }

  private void list(RoutingContext rc) {
    Query.of(rc);
    replies.json(rc, () -> new TokenList(tokens.list(), null));
  }

  private void revoke(RoutingContext rc) {
    Query.of(rc);
    String id = tokenId(rc.pathParam("tokenId"));
    replies.reply(
        rc,
        () ->
            switch (tokens.revoke(id)) {
              case REVOKED -> Reply.noContent();
              case NOT_FOUND -> throw ApiException.notFound("token '" + id + "'");
              case CONFIGURED ->
                  throw ApiException.conflict(
                      "token 'configured' comes from JOULE_API_TOKEN, not from the database: unset"
                          + " the variable and restart Joule to stop accepting it");
            });
  }

  /** A listed id: {@code configured} or a stored token's number; anything else is a 400. */
  static String tokenId(String raw) {
    if (raw.equals(ApiTokens.CONFIGURED_ID) || STORED_ID.matcher(raw).matches()) {
      return raw;
    }
    throw ApiException.badParameter(
        "tokenId", "must be an id from GET " + TOKENS + " (a number, or 'configured')");
  }

  /** What the OpenAPI document says of these routes beyond their path. */
  static void describe(String template, HttpMethod method, ObjectNode operation) {
    ObjectNode responses = (ObjectNode) operation.path("responses");
    switch (method.name() + " " + template) {
      case "GET " + TOKENS ->
          operation.put(
              "summary",
              "The API tokens, one page: id, name, configured, createdAt, lastUsedAt (to the"
                  + " minute); never a token");
      case "DELETE " + TOKEN -> {
        operation.put(
            "summary",
            "Revoke a stored API token (204): refused from then on, its console sessions end");
        responses.remove("200");
        responses.putObject("204").put("description", "revoked");
        responses.putObject("404").put("description", "no such stored token");
        responses
            .putObject("409")
            .put("description", "the configured token (JOULE_API_TOKEN) cannot be revoked here");
      }
      default -> {}
    }
  }
}
