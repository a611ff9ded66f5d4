package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.domain.access.ApiTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * API tokens listed and revoked through the API: a revoked token gets 401 at its next request, the
 * events stream and the console session it opened end; the configured token cannot be revoked
 * (409).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TokenRevocationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir static Path dataDir;
  static JouleServer joule;

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceAndItsConsoleSessionEnds() throws Exception {
    String token = store("ops-laptop");
    assertThat(getAs(token, "/api/v1/chargers").statusCode()).isEqualTo(200);
    String session = logIn(token);
    assertThat(joule.sendAs(withCookie("/console/chargers", session)).statusCode()).isEqualTo(200);
    SseClient stream = SseClient.open(joule.api("/api/v1/events"), token, null);

    HttpResponse<String> list = joule.get("/api/v1/tokens");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(token).doesNotContain(ApiTokens.fingerprint(token));
    JsonNode items = JSON.readTree(list.body()).get("items");
    assertThat(items.get(0).get("id").asText()).isEqualTo("configured");
    assertThat(items.get(0).get("configured").asBoolean()).isTrue();
    JsonNode stored = find(items, "ops-laptop");
    assertThat(stored.get("configured").asBoolean()).isFalse();
    assertThat(stored.get("createdAt").isNull()).isFalse();
    assertThat(stored.get("lastUsedAt").isNull()).as("used above").isFalse();

    HttpResponse<String> revoked = joule.delete("/api/v1/tokens/" + stored.get("id").asText());
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);

    HttpResponse<String> refused = getAs(token, "/api/v1/chargers");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("invalid bearer token");
    // The events stream it opened before ends too, at its next token check (every 5 s).
    try (stream) {
      SseClient.Event last = stream.next(e -> e.type().equals("disconnect"));
      assertThat(last.data().path("reason").asText()).isEqualTo("its token was revoked");
    }
    HttpResponse<String> page = joule.sendAs(withCookie("/console/chargers", session));
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/console/login");
    assertThat(JSON.readTree(joule.get("/api/v1/tokens").body()).get("items").toString())
        .doesNotContain("ops-laptop");
    assertThat(joule.delete("/api/v1/tokens/" + stored.get("id").asText()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void theConfiguredTokenCannotBeRevokedThroughTheApi() {
    HttpResponse<String> conflict = joule.delete("/api/v1/tokens/configured");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("JOULE_API_TOKEN");
    assertThat(joule.get("/api/v1/tokens").statusCode()).isEqualTo(200);
  }

  @Test
  void aMalformedIdIsABadRequestNamingIt() {
    HttpResponse<String> bad = joule.delete("/api/v1/tokens/abc");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("tokenId");
    assertThat(joule.get("/api/v1/tokens?limit=5").statusCode()).isEqualTo(400);
  }

  @Test
  void theOpenApiDocumentDescribesTheTokenRoutes() {
    String document = joule.get("/api/v1/openapi.json").body();
    assertThat(document).contains("\"/api/v1/tokens\"").contains("\"/api/v1/tokens/{tokenId}\"");
    assertThat(document).contains("Revoke a stored API token");
  }

  /** A token as {@code joule token create} stores it: its hash only. */
  private static String store(String name) {
    String token = "joule_it_" + name + "_0123456789abcdef";
    try (Connection connection = joule.joule().dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO api_token (sha256, name, created_at) VALUES (?, ?, ?)")) {
      insert.setString(1, ApiTokens.fingerprint(token));
      insert.setString(2, name);
      insert.setObject(
          3, java.time.OffsetDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
    return token;
  }

  private static JsonNode find(JsonNode items, String name) {
    for (JsonNode item : items) {
      if (item.get("name").asText().equals(name)) {
        return item;
      }
    }
    throw new AssertionError(name + " not listed in " + items);
  }

  private static HttpResponse<String> getAs(String token, String path) {
    return joule.sendAs(
        HttpRequest.newBuilder(joule.api(path)).header("Authorization", "Bearer " + token).build());
  }

  private static HttpRequest withCookie(String path, String cookie) {
    return HttpRequest.newBuilder(joule.api(path)).header("Cookie", cookie).GET().build();
  }

  private static String logIn(String token) {
    HttpResponse<String> form =
        joule.sendAs(HttpRequest.newBuilder(joule.api("/console/login")).GET().build());
    assertThat(form.statusCode()).isEqualTo(200);
    String loginCookie = cookie(form, "joule_console_login");
    Matcher csrf = CSRF.matcher(form.body());
    assertThat(csrf.find()).as("a CSRF field in the login form").isTrue();
    HttpResponse<String> in =
        joule.sendAs(
            HttpRequest.newBuilder(joule.api("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", loginCookie)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token=" + token + "&csrf=" + csrf.group(1)))
                .build());
    assertThat(in.statusCode()).as(in.body()).isEqualTo(303);
    return cookie(in, "joule_console");
  }

  private static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith(name + "="))
        .findFirst()
        .orElseThrow()
        .split(";")[0];
  }
}
