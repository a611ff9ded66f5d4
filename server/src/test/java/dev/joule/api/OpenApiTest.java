package dev.joule.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.ocpp.Action;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Locale;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists every API route and every command action, and nothing else. */
class OpenApiTest {
  static final Vertx VERTX = Vertx.vertx();

  @AfterAll
  static void close() {
    VERTX.close();
  }

  @Test
  void everyRouteAndEveryCommandActionIsDocumented() {
    Router router = Router.router(VERTX);
    var blocking = Executors.newVirtualThreadPerTaskExecutor();
    new RegistrationApi(null, new ApiFixture.FakeConnections(), blocking).mount(router);
    new CommandApi(null, blocking).mount(router);
    new EventsApi(null, null, null).mount(router);
    new ReadApi(null, new ApiFixture.FakeConnections(), java.time.Clock.systemUTC(), blocking)
        .mount(router);
    new StatusApi(null, null, null, blocking).mount(router);
    new ReservationApi(null, java.time.Clock.systemUTC(), blocking).mount(router);
    new LocalListApi(null, blocking).mount(router);
    new ChargingProfileApi(null, blocking).mount(router);
    new CampaignApi(
            null, new ApiFixture.FakeConnections(), null, java.time.Clock.systemUTC(), blocking)
        .mount(router);
    JsonNode paths = OpenApi.document(router).path("paths");

    int documented = 0;
    for (Route route : router.getRoutes()) {
      String template = route.getPath();
      if (template == null || route.methods() == null || template.equals(CommandApi.SEND)) {
        continue;
      }
      for (var method : route.methods()) {
        assertThat(
                paths
                    .path(OpenApi.openApiPath(template))
                    .has(method.name().toLowerCase(Locale.ROOT)))
            .as(method + " " + template)
            .isTrue();
        documented++;
      }
    }
    assertThat(documented).isGreaterThanOrEqualTo(12);
    assertThat(CommandApi.ACTIONS).hasSize(26);
    for (Action action : CommandApi.ACTIONS) {
      JsonNode post = paths.path("/api/v1/chargers/{id}/commands/" + action.wire()).path("post");
      assertThat(post.isObject()).as(action.wire()).isTrue();
      assertThat(post.at("/requestBody/content/application~1json/schema/type").asText())
          .isEqualTo("object");
    }
    assertThat(paths.has("/api/v1/commands/{commandId}")).isTrue();
    assertThat(
            paths
                .at(
                    "/~1api~1v1~1chargers~1{id}~1charging-profiles/post/requestBody/content/"
                        + "application~1json/schema/properties")
                .has("csChargingProfiles"))
        .isTrue();
    assertThat(
            paths
                .at(
                    "/~1api~1v1~1chargers~1{id}~1connectors~1{connectorId}~1schedule/get/parameters")
                .toString())
        .contains("\"duration\"")
        .contains("\"compare\"");
    assertThat(paths.at("/~1api~1v1~1chargers/get/parameters").toString())
        .contains("\"idPrefix\"")
        .contains("\"connected\"")
        .contains("\"status\"");
    assertThat(paths.has("/api/v1/chargers/{id}/messages")).isTrue();
    assertThat(paths.path("/api/v1/chargers/{id}").has("put")).isTrue();
    assertThat(paths.path("/api/v1/chargers/{id}").has("delete")).isTrue();
    assertThat(paths.path("/api/v1/chargers/{id}/accept").has("post")).isTrue();
    assertThat(paths.at("/~1api~1v1~1events/get/responses/200/content").has("text/event-stream"))
        .isTrue();
    assertThat(paths.has("/api/v1/chargers/{id}/commands/{action}")).isFalse();
    assertThat(paths.at("/~1api~1v1~1alerts/get/parameters").toString())
        .contains("\"alert\"")
        .contains("\"node\"");
    assertThat(
            paths
                .at(
                    "/~1api~1v1~1incidents~1{id}~1updates/post/requestBody/content/application~1json"
                        + "/schema/properties/status/enum")
                .toString())
        .isEqualTo("[\"investigating\",\"identified\",\"monitoring\",\"resolved\"]");
    assertThat(paths.at("/~1api~1v1~1incidents~1{id}").has("patch")).isTrue();
    JsonNode postmortem = paths.at("/~1api~1v1~1incidents~1{id}~1postmortem/get/responses");
    assertThat(postmortem.at("/200/content").has("text/markdown")).isTrue();
    assertThat(postmortem.has("409")).isTrue();
    assertThat(
            paths
                .at(
                    "/~1api~1v1~1reservations/post/requestBody/content/application~1json/schema"
                        + "/required")
                .toString())
        .isEqualTo("[\"chargerId\",\"idTag\",\"expiryDate\"]");
    assertThat(paths.at("/~1api~1v1~1reservations/get/parameters").toString())
        .contains("\"chargerId\"", "\"used\"", "\"expired\"");
    assertThat(paths.at("/~1api~1v1~1reservations~1{reservationId}").has("delete")).isTrue();
    JsonNode localList =
        paths.at(
            "/~1api~1v1~1chargers~1{id}~1local-list/put/requestBody/content"
                + "/application~1json/schema/properties");
    assertThat(localList.path("idTags").path("type").asText()).isEqualTo("array");
    assertThat(localList.path("group").path("description").asText()).contains("parentIdTag");
    JsonNode firmware =
        paths.at(
            "/~1api~1v1~1campaigns~1firmware/post/requestBody/content/application~1json/schema");
    assertThat(firmware.path("required").toString()).isEqualTo("[\"location\"]");
    assertThat(firmware.path("properties").has("chargerIds")).isTrue();
    assertThat(firmware.path("properties").has("concurrency")).isTrue();
    assertThat(firmware.path("properties").has("retrieveDate")).isTrue();
    assertThat(
            paths
                .at(
                    "/~1api~1v1~1campaigns~1log/post/requestBody/content/application~1json/schema"
                        + "/properties")
                .has("requestId"))
        .isFalse();
    assertThat(paths.has("/api/v1/campaigns/signed-firmware")).isTrue();
    assertThat(paths.has("/api/v1/campaigns/diagnostics")).isTrue();
    assertThat(paths.at("/~1api~1v1~1campaigns~1{campaignId}~1chargers/get/parameters").toString())
        .contains("\"timed-out\"");
    assertThat(paths.at("/~1api~1v1~1campaigns~1{campaignId}~1cancel/post/responses").has("409"))
        .isTrue();
  }

  @Test
  void aCommandBodySchemaMarksRequiredFieldsAndEnums() {
    JsonNode reset = OpenApi.schema(Action.RESET.requestType());
    assertThat(reset.path("required").toString()).isEqualTo("[\"type\"]");
    assertThat(reset.at("/properties/type/enum").toString()).isEqualTo("[\"Hard\",\"Soft\"]");
    JsonNode start = OpenApi.schema(Action.REMOTE_START_TRANSACTION.requestType());
    assertThat(start.path("required").toString()).isEqualTo("[\"idTag\"]");
  }
}
