package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.domain.ChargerConnections;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL with Joule's migrations, and a real HTTP server on port 0 serving the read API
 * over it, for one test class. Rows are inserted with plain JDBC.
 */
final class ApiFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final EmbeddedPostgres postgres;
  final DataSource dataSource;
  final FakeConnections connections = new FakeConnections();
  private final Vertx vertx;
  private final HttpServer server;
  private final ExecutorService blocking;
  private final HttpClient client;

  private ApiFixture(EmbeddedPostgres postgres, DataSource api) throws Exception {
    this.postgres = postgres;
    this.dataSource = postgres.getPostgresDatabase();
    this.blocking = Executors.newVirtualThreadPerTaskExecutor();
    this.vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    new ReadApi(api, connections, Clock.fixed(NOW, ZoneOffset.UTC), blocking).mount(router);
    this.server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  static ApiFixture start() throws Exception {
    return start(dataSource -> dataSource);
  }

  /** A fixture whose API reads through {@code wrap(dataSource)}, e.g. one that fails. */
  static ApiFixture start(UnaryOperator<DataSource> wrap) throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).load().migrate();
    return new ApiFixture(postgres, wrap.apply(dataSource));
  }

  /** Empties every table the API reads and forgets connections, between tests. */
  void reset() throws SQLException {
    connections.connected.clear();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "TRUNCATE charger, connector_status, connector_status_history, id_tag,"
              + " charge_transaction, orphan_stop, meter_value_element RESTART IDENTITY CASCADE");
    }
  }

  /** Runs one statement; Instants are bound as TIMESTAMPTZ. */
  void sql(String sql, Object... values) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, values)) {
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Runs an INSERT ... RETURNING id and answers the id. */
  int insert(String sql, Object... values) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql + " RETURNING id", values);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... values)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      statement.setObject(
          i + 1,
          value instanceof Instant instant
              ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
              : value);
    }
    return statement;
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Response put(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  Response send(String method, String path) {
    return send(
        HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Sends one request line with no body over a plain socket and answers the whole response. */
  String rawHttp(String requestLine) throws IOException {
    try (Socket socket = new Socket("localhost", server.actualPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      String request = requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.actualPort() + path);
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
      return new Response(response.statusCode(), json, response.body(), response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    vertx
        .close()
        .toCompletionStage()
        .toCompletableFuture()
        .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
        .join();
    blocking.close();
    postgres.close();
  }

  /** An HTTP answer: status, JSON body (null when empty), raw body and headers. */
  record Response(int status, JsonNode json, String body, Map<String, List<String>> headers) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .findFirst();
    }

    String error() {
      return json.get("error").asText();
    }
  }

  /** Connections the test declares. */
  static final class FakeConnections implements ChargerConnections {
    final Map<String, Instant> connected = new ConcurrentHashMap<>();

    @Override
    public Optional<Instant> connectedSince(String chargerId) {
      return Optional.ofNullable(connected.get(chargerId));
    }

    @Override
    public Map<String, Instant> connected() {
      return Map.copyOf(connected);
    }

    @Override
    public void disconnect(String chargerId, String reason) {
      connected.remove(chargerId);
    }
  }
}
