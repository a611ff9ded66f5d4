package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.app.Config;
import dev.joule.app.ConfigLoader;
import dev.joule.app.Joule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A real Joule on a free port and the embedded PostgreSQL in a temporary directory. */
final class JouleServer implements AutoCloseable {
  /** The API token every integration test's Joule accepts (JOULE_API_TOKEN). */
  static final String TOKEN = "it-token-0123456789abcdef";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Joule joule;

  /** No API call of a test takes this long; a hung one fails with a message instead. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  // HTTP/1.1 like curl and most operator tools. A request of the default client (HTTP/2 by
  // upgrade) once went unanswered for minutes in ApiAccessIT; not diagnosed, see the closing note.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private JouleServer(Joule joule) {
    this.joule = joule;
  }

  static JouleServer start(Path dataDir, String... keyValues) {
    Map<String, String> options = new HashMap<>();
    options.put("port", "0");
    options.put("data-dir", dataDir.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      options.put(keyValues[i], keyValues[i + 1]);
    }
    Config config =
        ConfigLoader.load(Optional.empty(), Map.of(Config.API_TOKEN_VARIABLE, TOKEN), options);
    return new JouleServer(Joule.start(config));
  }

  Joule joule() {
    return joule;
  }

  int port() {
    return joule.port();
  }

  RawCharger charger(String id) {
    return RawCharger.connect(port(), id);
  }

  String url(String chargerPath) {
    return "ws://127.0.0.1:" + port() + "/ocpp/" + chargerPath;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(api(path)).GET().build());
  }

  HttpResponse<String> put(String path, String json) {
    return send(
        HttpRequest.newBuilder(api(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(api(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /**
   * Posts command {@code action} with ?wait=10s, answers its CALL on {@code charger} with {@code
   * answer}, and returns the command as the API answered (200: final).
   */
  JsonNode roundTrip(
      RawCharger charger, String chargerId, String action, String body, String answer)
      throws Exception {
    CompletableFuture<HttpResponse<String>> sent =
        CompletableFuture.supplyAsync(
            () ->
                post("/api/v1/chargers/" + chargerId + "/commands/" + action + "?wait=10s", body));
    JsonNode call = JSON.readTree(charger.next());
    assertThat(call.get(2).asText()).isEqualTo(action);
    charger.send("[3," + call.get(1) + "," + answer + "]");
    HttpResponse<String> response = sent.join();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(api(path)).DELETE().build());
  }

  /** The first column of the first row of {@code sql}, as a long. */
  long count(String sql, Object... parameters) {
    try (Connection connection = joule.dataSource().getConnection();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  URI api(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  /** Sends {@code request} with the test token. */
  private HttpResponse<String> send(HttpRequest request) {
    return sendAs(
        HttpRequest.newBuilder(request, (name, value) -> true)
            .header("Authorization", "Bearer " + TOKEN)
            .build());
  }

  /** Sends {@code request} as it is, with whatever authorization it carries. */
  HttpResponse<String> sendAs(HttpRequest request) {
    try {
      HttpRequest bounded =
          request.timeout().isPresent()
              ? request
              : HttpRequest.newBuilder(request, (name, value) -> true)
                  .timeout(REQUEST_TIMEOUT)
                  .build();
      return http.send(bounded, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    joule.close();
  }
}
