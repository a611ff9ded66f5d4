package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's doors at the HTTP level, no browser: where {@code /} leads, the cookie's
 * attributes, a wrong token, POSTs without their CSRF token (403) and with a bad field (400 naming
 * it), logout, and the charger filters the console shares with {@code GET /api/v1/chargers}.
 */
@Timeout(60)
class ConsoleHttpIT {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

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
  void theRootLeadsToTheConsoleAndItsPagesToTheLoginForm() {
    assertThat(raw(get("/")).statusCode()).isEqualTo(303);
    assertThat(raw(get("/")).headers().firstValue("Location")).hasValue("/console");
    HttpResponse<String> page = raw(get("/console/chargers"));
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/console/login");
    assertThat(raw(get("/status")).statusCode()).as("the status page stays public").isEqualTo(200);
  }

  @Test
  void aWrongTokenIsRefusedAndARightOneOpensAStrictHttpOnlySession() {
    LoginForm form = loginForm();
    HttpResponse<String> wrong = raw(form.post("token=wrong-token-0123456789"));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("That token is not valid.");
    assertThat(cookie(wrong, "joule_console")).isEmpty();

    LoginForm again = loginForm();
    HttpResponse<String> right = raw(again.post("token=" + JouleServer.TOKEN));
    assertThat(right.statusCode()).isEqualTo(303);
    assertThat(right.headers().firstValue("Location")).hasValue("/console/chargers");
    String cookie = cookie(right, "joule_console").orElseThrow();
    assertThat(cookie)
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/console")
        .contains("Max-Age=43200")
        .doesNotContain("Secure");
  }

  @Test
  void theLoginFormWithoutItsCsrfTokenIs403() {
    LoginForm form = loginForm();
    HttpResponse<String> noToken =
        raw(
            HttpRequest.newBuilder(joule.api("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", form.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("token=" + JouleServer.TOKEN))
                .build());
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("CSRF");
  }

  @Test
  void postsOfASessionWithoutItsCsrfTokenAre403AndLogoutEndsIt() {
    String session = logIn();
    HttpResponse<String> page = raw(withCookie(get("/console/chargers"), session));
    assertThat(page.statusCode()).isEqualTo(200);
    String csrf = csrf(page.body());

    HttpResponse<String> command =
        raw(post("/console/chargers/CP-X/commands", session, "action=ClearCache"));
    assertThat(command.statusCode()).isEqualTo(403);
    HttpResponse<String> wrongToken =
        raw(post("/console/logout", session, "csrf=" + csrf.substring(1) + "x"));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(raw(withCookie(get("/console/chargers"), session)).statusCode())
        .as("still logged in")
        .isEqualTo(200);

    HttpResponse<String> logout = raw(post("/console/logout", session, "csrf=" + csrf));
    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(raw(withCookie(get("/console/chargers"), session)).statusCode())
        .as("the session ended")
        .isEqualTo(303);
  }

  @Test
  void theIdTagAndReservationFormsNeedTheCsrfTokenAndNameABadField() {
    String session = logIn();
    HttpResponse<String> page = raw(withCookie(get("/console/id-tags"), session));
    assertThat(page.statusCode()).isEqualTo(200);
    String csrf = csrf(page.body());

    assertThat(raw(post("/console/id-tags", session, "idTag=NO-CSRF&status=Accepted")).statusCode())
        .isEqualTo(403);
    assertThat(joule.get("/api/v1/id-tags/NO-CSRF").statusCode())
        .as("nothing stored without the token")
        .isEqualTo(404);
    assertThat(
            raw(post("/console/reservations", session, "chargerId=CP-X&idTag=T&expiryDate=x"))
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> bad =
        raw(
            post(
                "/console/id-tags",
                session,
                "csrf=" + csrf + "&idTag=HTTP-1&status=Sleepy&expiryDate=&parentIdTag="));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("status: &#39;Sleepy&#39; is not one of Accepted");

    HttpResponse<String> stored =
        raw(
            post(
                "/console/id-tags",
                session,
                "csrf="
                    + csrf
                    + "&idTag=HTTP-1&status=Blocked&expiryDate=2027-02-01T08%3A30&parentIdTag="));
    assertThat(stored.statusCode()).isEqualTo(303);
    assertThat(stored.headers().firstValue("Location")).contains("/console/id-tags");
    assertThat(joule.get("/api/v1/id-tags/http-1").body())
        .contains("\"status\":\"Blocked\"")
        .contains("\"expiryDate\":\"2027-02-01T08:30:00Z\"")
        .contains("\"parentIdTag\":null");

    HttpResponse<String> past =
        raw(
            post(
                "/console/reservations",
                session,
                "csrf=" + csrf + "&chargerId=CP-X&idTag=HTTP-1&expiryDate=2020-01-01T00%3A00"));
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.body())
        .contains("expiryDate: &#39;2020-01-01T00:00:00Z&#39; is not in the future");
  }

  @Test
  void aBadFilterIsA400WithItsName() {
    String session = logIn();
    HttpResponse<String> page = raw(withCookie(get("/console/chargers?status=Sleeping"), session));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("status: &#39;Sleeping&#39; is not one of Available");
    assertThat(joule.get("/api/v1/chargers?connected=maybe").statusCode()).isEqualTo(400);
  }

  @Test
  void theApiFiltersChargersByPrefixConnectionAndStatus() {
    try (RawCharger on = joule.charger("FLT-ON");
        RawCharger off = joule.charger("FLT-OFF")) {
      assertThat(on.call(statusFrame("s1", "Faulted"))).startsWith("[3,");
      assertThat(off.call(statusFrame("s2", "Available"))).startsWith("[3,");
      off.close();
      Await.until(
          () -> ids("/api/v1/chargers?idPrefix=FLT-&connected=false").equals(List.of("FLT-OFF")));
      assertThat(ids("/api/v1/chargers?idPrefix=FLT-&connected=true")).containsExactly("FLT-ON");
      assertThat(ids("/api/v1/chargers?idPrefix=FLT-&status=Faulted")).containsExactly("FLT-ON");
      assertThat(ids("/api/v1/chargers?idPrefix=FLT-O")).containsExactly("FLT-OFF", "FLT-ON");
      assertThat(ids("/api/v1/chargers?idPrefix=NOPE")).isEmpty();
    }
  }

  private static List<String> ids(String path) {
    HttpResponse<String> response = joule.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    Matcher ids = Pattern.compile("\\{\"id\":\"([^\"]+)\"").matcher(response.body());
    List<String> found = new java.util.ArrayList<>();
    while (ids.find()) {
      found.add(ids.group(1));
    }
    return found;
  }

  private record LoginForm(String cookie, String csrf) {
    HttpRequest post(String body) {
      return HttpRequest.newBuilder(joule.api("/console/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Cookie", cookie)
          .POST(HttpRequest.BodyPublishers.ofString(body + "&csrf=" + csrf))
          .build();
    }
  }

  private static LoginForm loginForm() {
    HttpResponse<String> form = raw(get("/console/login"));
    assertThat(form.statusCode()).isEqualTo(200);
    String cookie = cookie(form, "joule_console_login").orElseThrow();
    return new LoginForm(cookie.split(";")[0], csrf(form.body()));
  }

  private static String logIn() {
    HttpResponse<String> right = raw(loginForm().post("token=" + JouleServer.TOKEN));
    assertThat(right.statusCode()).isEqualTo(303);
    return cookie(right, "joule_console").orElseThrow().split(";")[0];
  }

  private static String csrf(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
    return matcher.group(1);
  }

  private static java.util.Optional<String> cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(value -> value.startsWith(name + "="))
        .findFirst();
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(joule.api(path)).GET().build();
  }

  private static HttpRequest withCookie(HttpRequest request, String cookie) {
    return HttpRequest.newBuilder(request, (n, v) -> true).header("Cookie", cookie).build();
  }

  private static HttpRequest post(String path, String cookie, String body) {
    return HttpRequest.newBuilder(URI.create(joule.api(path).toString()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse<String> raw(HttpRequest request) {
    return joule.sendAs(request);
  }

  private static String statusFrame(String id, String status) {
    return "[2,\""
        + id
        + "\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\""
        + status
        + "\"}]";
  }
}
