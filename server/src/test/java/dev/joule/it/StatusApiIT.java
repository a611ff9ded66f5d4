package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident operator API, its validation, and the public page, JSON and feed it feeds. */
class StatusApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  static JouleServer joule;

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir, "message-log", "false");
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void theStatusPageNeedsNoTokenAndListsEveryComponent() {
    HttpResponse<String> page = anonymous("/status");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/html"));
    assertThat(page.body())
        .contains("<h1>Joule status</h1>")
        .contains("OCPP connections")
        .contains("Message processing")
        .contains("Charger commands")
        .contains("<td>API")
        .contains("Operational");
    // "/" leads to the operator console since issue 13; the console links to this page.
    HttpResponse<String> root = anonymous("/");
    assertThat(root.statusCode()).isEqualTo(303);
    assertThat(root.headers().firstValue("Location")).hasValue("/console");
    assertThat(anonymous("/api/v1/incidents").statusCode())
        .as("the API keeps its token")
        .isEqualTo(401);
  }

  @Test
  void badIncidentBodiesAre400sNamingTheField() throws Exception {
    assertError(joule.post("/api/v1/incidents", "{}"), "title: is required");
    assertError(
        joule.post("/api/v1/incidents", "{\"title\":\"x\",\"text\":\"y\",\"impact\":\"huge\"}"),
        "impact: 'huge' is not one of none, minor, major, critical");
    assertError(
        joule.post(
            "/api/v1/incidents", "{\"title\":\"x\",\"text\":\"y\",\"components\":[\"database\"]}"),
        "components: 'database' is not one of ocpp-connections, message-processing,"
            + " charger-commands, api");
    assertError(
        joule.post("/api/v1/incidents", "{\"title\":\"x\",\"text\":\"y\",\"severity\":\"high\"}"),
        "severity: unknown field; this body takes title, impact, components, status, text");
    assertError(joule.post("/api/v1/incidents", "{\"title\":\"x\"}"), "text: is required");
    assertError(joule.post("/api/v1/incidents", "[1]"), "body: must be a JSON object");
    long id = open("{\"title\":\"Validation target\",\"text\":\"opened\"}").path("id").asLong();
    assertError(
        joule.post("/api/v1/incidents/" + id + "/updates", "{\"status\":\"fixed\",\"text\":\"t\"}"),
        "status: 'fixed' is not one of investigating, identified, monitoring, resolved");
    assertError(
        patch("/api/v1/incidents/" + id, "{}"),
        "body: give at least one of title, impact, components");
    assertError(
        patch("/api/v1/incidents/" + id, "{\"title\":\"\"}"),
        "title: must be 1 to 200 characters, got 0");
    assertError(
        joule.get("/api/v1/incidents/abc"), "id: 'abc' is not an integer from 1 to 2147483647");
    assertError(
        joule.get("/api/v1/incidents?status=closed"), "status: 'closed' is not open or resolved");
    assertError(
        joule.get("/api/v1/alerts?severity=critical"),
        "severity: unknown parameter; this endpoint takes alert, node, limit, cursor");
    assertThat(patch("/api/v1/incidents/999999", "{\"title\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(
            joule
                .post(
                    "/api/v1/incidents/999999/updates", "{\"status\":\"resolved\",\"text\":\"t\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aManualIncidentsTimelineShowsOnThePageTheJsonAndTheFeed() throws Exception {
    JsonNode opened =
        open(
            "{\"title\":\"Slow <b>answers</b>\",\"impact\":\"minor\",\"components\":[\"api\"],"
                + "\"text\":\"We see slow API answers.\"}");
    long id = opened.path("id").asLong();
    assertThat(opened.path("automatic").asBoolean()).isFalse();
    assertThat(opened.path("status").asText()).isEqualTo("investigating");

    HttpResponse<String> update =
        joule.post(
            "/api/v1/incidents/" + id + "/updates",
            "{\"status\":\"identified\",\"text\":\"A slow disk on the database host.\"}");
    assertThat(update.statusCode()).isEqualTo(201);
    HttpResponse<String> patched =
        patch(
            "/api/v1/incidents/" + id,
            "{\"title\":\"Slow <b>API</b>\",\"impact\":\"major\",\"components\":[\"api\",\"charger-commands\"]}");
    assertThat(patched.statusCode()).isEqualTo(200);
    JsonNode incident = JSON.readTree(joule.get("/api/v1/incidents/" + id).body());
    assertThat(incident.path("title").asText()).isEqualTo("Slow <b>API</b>");
    assertThat(incident.path("impact").asText()).isEqualTo("major");
    assertThat(incident.path("status").asText()).isEqualTo("identified");
    assertThat(incident.path("components").toString()).isEqualTo("[\"api\",\"charger-commands\"]");
    assertThat(incident.path("updates").get(1).path("author").asText()).isEqualTo("operator");

    String page = anonymous("/status").body();
    assertThat(page)
        .contains("Slow &lt;b&gt;API&lt;/b&gt;")
        .doesNotContain("<b>API</b>")
        .contains("A slow disk on the database host.");
    JsonNode status = JSON.readTree(anonymous("/status.json").body());
    assertThat(status.path("components").get(0).path("name").asText())
        .isEqualTo("OCPP connections");
    assertThat(status.path("components").get(0).path("status").asText()).isEqualTo("operational");
    JsonNode shown = null;
    for (JsonNode i : status.path("incidents")) {
      if (i.path("id").asLong() == id) {
        shown = i;
      }
    }
    assertThat(shown).isNotNull();
    assertThat(shown.path("updates").get(1).path("status").asText()).isEqualTo("identified");
    assertThat(shown.path("updates").get(1).path("at").asText()).isNotEmpty();
    String feed = anonymous("/status/feed.atom").body();
    assertThat(feed)
        .startsWith("<?xml")
        .contains("<title>Slow &lt;b&gt;API&lt;/b&gt;: identified</title>")
        .contains("A slow disk on the database host.");

    joule.post(
        "/api/v1/incidents/" + id + "/updates",
        "{\"status\":\"resolved\",\"text\":\"Disk replaced.\"}");
    JsonNode resolved = JSON.readTree(joule.get("/api/v1/incidents/" + id).body());
    assertThat(resolved.path("resolvedAt").isNull()).isFalse();
    List<Long> open = ids(joule.get("/api/v1/incidents?status=open").body());
    List<Long> past = ids(joule.get("/api/v1/incidents?status=resolved").body());
    assertThat(open).doesNotContain(id);
    assertThat(past).contains(id);
  }

  @Test
  void incidentsPageNewestFirstWithACursor() throws Exception {
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.addFirst(open("{\"title\":\"Paged " + i + "\",\"text\":\"t\"}").path("id").asLong());
    }
    JsonNode first = JSON.readTree(joule.get("/api/v1/incidents?limit=2").body());
    assertThat(ids(first.toString())).containsExactly(created.get(0), created.get(1));
    String next = first.path("next").asText();
    JsonNode second = JSON.readTree(joule.get("/api/v1/incidents?limit=2&cursor=" + next).body());
    assertThat(ids(second.toString()).getFirst()).isEqualTo(created.get(2));
  }

  private static JsonNode open(String body) throws Exception {
    HttpResponse<String> response = joule.post("/api/v1/incidents", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode incident = JSON.readTree(response.body());
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/api/v1/incidents/" + incident.path("id").asLong());
    return incident;
  }

  private static List<Long> ids(String page) throws Exception {
    List<Long> ids = new ArrayList<>();
    JSON.readTree(page).path("items").forEach(i -> ids.add(i.path("id").asLong()));
    return ids;
  }

  private static void assertError(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    try {
      assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo(message);
    } catch (Exception e) {
      throw new AssertionError(response.body(), e);
    }
  }

  private static HttpResponse<String> patch(String path, String json) {
    return joule.sendAs(
        HttpRequest.newBuilder(joule.api(path))
            .header("Authorization", "Bearer " + JouleServer.TOKEN)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static HttpResponse<String> anonymous(String path) {
    return joule.sendAs(HttpRequest.newBuilder(joule.api(path)).GET().build());
  }
}
