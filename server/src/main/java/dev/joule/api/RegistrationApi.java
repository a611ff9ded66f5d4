package dev.joule.api;

import dev.joule.domain.ChargerConnections;
import dev.joule.security.ChargerIdentity;
import dev.joule.security.ChargerRegistrations;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.Executor;

/**
 * Charger registration for authentication (security profiles, decision 0011): {@code PUT
 * /api/v1/chargers/{id}} registers or updates a charger ({@link RegistrationUpdate}; 201 created,
 * 200 updated), {@code DELETE /api/v1/chargers/{id}} removes it and everything recorded about it
 * and closes its connection (204), {@code POST /api/v1/chargers/{id}/accept} accepts a charger that
 * {@code admission: pending} let in (200; 409 when it is not pending). The answer is the
 * registration: {@code {"chargerId", "securityProfile", "authorizationKeySet", "pending"}}, never
 * the key. Protected by the API tokens like every route of {@code /api/v1}. Mount before {@link
 * ReadApi#mount}.
 */
public final class RegistrationApi {
  static final String ACCEPT = ChargerRoutes.CHARGER + "/accept";

  /** A registration body is two short fields and maybe a fetched charger's; larger is a mistake. */
  private static final long BODY_LIMIT = 16 * 1024;

  private final ChargerRegistrations registrations;
  private final ChargerConnections connections;
  private final Replies replies;

  public RegistrationApi(
      ChargerRegistrations registrations, ChargerConnections connections, Executor blocking) {
    this.registrations = registrations;
    this.connections = connections;
    this.replies = new Replies(blocking);
  }

  public void mount(Router router) {
    router
        .put(ChargerRoutes.CHARGER)
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(this::put);
    router.delete(ChargerRoutes.CHARGER).handler(this::delete);
    router.post(ACCEPT).handler(this::accept);
  }

  private void put(RoutingContext rc) {
    Query.of(rc);
    String id = chargerId(rc);
    Buffer body = rc.body().buffer(); // null when the request had no body
    ChargerRegistrations.Registration update =
        RegistrationUpdate.parse(Json.readBody(body == null ? "{}".getBytes() : body.getBytes()));
    replies.reply(
        rc,
        () -> {
          ChargerRegistrations.Put put = registrations.put(id, update);
          return put.created() ? Reply.created(put.registration()) : Reply.ok(put.registration());
        });
  }

  private void delete(RoutingContext rc) {
    Query.of(rc);
    String id = chargerId(rc);
    replies.reply(
        rc,
        () -> {
          if (!registrations.delete(id)) {
            throw ApiException.notFound("charger '" + id + "'");
          }
          connections.disconnect(id, "charger removed");
          return Reply.noContent();
        });
  }

  private void accept(RoutingContext rc) {
    Query.of(rc);
    String id = chargerId(rc);
    replies.reply(
        rc,
        () -> {
          if (!registrations.accept(id)) {
            ChargerRegistrations.View current =
                registrations
                    .find(id)
                    .orElseThrow(() -> ApiException.notFound("charger '" + id + "'"));
            throw ApiException.conflict(
                "charger '" + current.chargerId() + "' is not pending: it is already accepted");
          }
          return Reply.ok(registrations.find(id).orElseThrow());
        });
  }

  /** The path's identity, held to the rule the gateway applies in the handshake. */
  private static String chargerId(RoutingContext rc) {
    String id = rc.pathParam("id");
    ChargerIdentity.problem(id)
        .ifPresent(
            problem -> {
              throw ApiException.badParameter("id", problem);
            });
    return id;
  }
}
