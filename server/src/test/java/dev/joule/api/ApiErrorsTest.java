package dev.joule.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.api.ApiFixture.Response;
import io.vertx.core.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Integration test: what the API answers when a request is wrong or the database fails. */
@Timeout(60)
class ApiErrorsTest {
  private static final AtomicBoolean databaseDown = new AtomicBoolean();
  private static final List<Boolean> connectedOnEventLoop = new CopyOnWriteArrayList<>();
  private static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.start(ApiErrorsTest::watched);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @BeforeEach
  void reset() throws Exception {
    api.reset();
    connectedOnEventLoop.clear();
  }

  @AfterEach
  void databaseBack() {
    databaseDown.set(false);
  }

  /** The database as the API sees it: it notes the thread of each connection and can fail. */
  private static DataSource watched(DataSource real) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                connectedOnEventLoop.add(Context.isOnEventLoopThread());
                if (databaseDown.get()) {
                  throw new SQLException("connection to db-secret.internal:5432 refused");
                }
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void unknownPathIs404Json() {
    Response response = api.get("/api/v1/chargerz");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).contains("application/json");
    assertThat(response.error()).isEqualTo("no resource at /api/v1/chargerz");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    Response post = api.send("POST", "/api/v1/chargers");
    Response deleteCharger = api.send("DELETE", "/api/v1/chargers/CP%201");
    Response postTag = api.send("POST", "/api/v1/id-tags/TAG");

    assertThat(post.status()).as(post.body()).isEqualTo(405);
    assertThat(post.header("Allow")).contains("GET");
    assertThat(post.error()).isEqualTo("POST is not allowed here; allowed: GET");
    assertThat(deleteCharger.status()).isEqualTo(405);
    assertThat(postTag.status()).isEqualTo(405);
    assertThat(postTag.header("Allow")).contains("DELETE, GET, PUT");
  }

  @Test
  void unknownQueryParameterIs400NamingIt() {
    Response response = api.get("/api/v1/transactions?chargerid=CP-1");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error())
        .isEqualTo(
            "chargerid: unknown parameter; this endpoint takes chargerId, status, idTag, from, to,"
                + " limit, cursor");
    assertThat(api.get("/api/v1/chargers/CP-1?limit=1").error())
        .isEqualTo("limit: unknown parameter; this endpoint takes none");
  }

  @Test
  void malformedQueryStringIs400() throws Exception {
    // java.net.URI refuses to build this request, so it goes over a plain socket
    String response = api.rawHttp("GET /api/v1/chargers?limit=%ZZ HTTP/1.1");

    assertThat(response).startsWith("HTTP/1.1 400 ");
    assertThat(response).endsWith("{\"error\":\"query: malformed percent-encoding\"}");
  }

  @Test
  void repeatedQueryParameterIs400() {
    Response response = api.get("/api/v1/chargers?limit=1&limit=2");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("limit: given more than once");
  }

  @Test
  void limitOutsideOneTo500Is400() {
    for (String limit : List.of("0", "501", "-1", "ten", "")) {
      Response response = api.get("/api/v1/chargers?limit=" + limit);
      assertThat(response.status()).as(limit).isEqualTo(400);
      assertThat(response.error()).as(limit).startsWith("limit: ");
    }
    assertThat(api.get("/api/v1/chargers?limit=500").status()).isEqualTo(200);
  }

  @Test
  void cursorThatWasNotIssuedIs400() {
    Response garbage = api.get("/api/v1/chargers?cursor=!!!");
    Response tampered = api.get("/api/v1/chargers?cursor=WyJjaGFyZ2VycyJd");

    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.error()).startsWith("cursor: not a cursor of this list");
    assertThat(tampered.status()).isEqualTo(400);
    assertThat(tampered.error()).startsWith("cursor: ");
  }

  @Test
  void cursorOfAnotherListIs400() {
    for (String tag : List.of("A", "B")) {
      api.put("/api/v1/id-tags/" + tag, "{\"status\": \"Accepted\"}");
    }
    String tagCursor = api.get("/api/v1/id-tags?limit=1").json().get("next").asText();

    Response response = api.get("/api/v1/chargers?cursor=" + tagCursor);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).startsWith("cursor: not a cursor of this list");
  }

  @Test
  void badFiltersAre400NamingThem() {
    assertBad(
        "/api/v1/transactions?status=running", "status: 'running' is not one of open, stopped");
    assertBad(
        "/api/v1/transactions?from=yesterday", "from: 'yesterday' is not an ISO-8601 instant");
    assertBad("/api/v1/transactions?to=2026-13-01T00:00:00Z", "to: '2026-13-01T00:00:00Z' is not");
    assertBad(
        "/api/v1/transactions?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z",
        "to: must not be before from");
    assertBad("/api/v1/transactions?chargerId=", "chargerId: must not be empty");
    assertBad("/api/v1/chargers/CP-1/status-history?connectorId=-1", "connectorId: '-1' is not");
  }

  @Test
  void databaseFailureIs500WithoutDetails() {
    databaseDown.set(true);

    Response response = api.get("/api/v1/chargers");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.error()).isEqualTo("internal error");
    assertThat(response.body()).doesNotContain("secret").doesNotContain("SQLException");
  }

  @Test
  void jdbcNeverRunsOnTheEventLoop() {
    api.put("/api/v1/id-tags/TAG", "{\"status\": \"Accepted\"}");
    api.get("/api/v1/chargers");
    api.get("/api/v1/transactions");
    api.get("/api/v1/id-tags/TAG");
    api.delete("/api/v1/id-tags/TAG");

    assertThat(connectedOnEventLoop).hasSizeGreaterThanOrEqualTo(5).containsOnly(false);
  }

  private static void assertBad(String path, String error) {
    Response response = api.get(path);
    assertThat(response.status()).as(path).isEqualTo(400);
    assertThat(response.error()).as(path).startsWith(error);
  }
}
