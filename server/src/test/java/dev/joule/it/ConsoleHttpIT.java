package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

  /**
   * Ten wrong tokens from one address within a minute: its next login, even with the right token,
   * is a 429 saying why and when to try again; another address still logs in. The failures come
   * from 127.0.0.2 (all of 127/8 is loopback), so the other tests' logins from 127.0.0.1 are not
   * refused.
   */
  @Test
  void tenWrongTokensFromOneAddressWithinAMinuteAre429ForThatAddressOnly() throws Exception {
    HttpClient from =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .localAddress(InetAddress.getByName("127.0.0.2"))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> wrong =
          from.send(loginForm().post("token=wrong-" + i + "-0123456789"), BodyHandlers.ofString());
      assertThat(wrong.statusCode()).as("failure %d", i + 1).isEqualTo(401);
    }
    HttpResponse<String> refused =
        from.send(loginForm().post("token=" + JouleServer.TOKEN), BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.body())
        .contains("Too many failed logins from this address (10 in 60 s): try again in");
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    assertThat(cookie(refused, "joule_console")).as("no session").isEmpty();
    assertThat(raw(loginForm().post("token=" + JouleServer.TOKEN)).statusCode())
        .as("another address logs in")
        .isEqualTo(303);
  }

  /**
   * 25 alert transitions (rows as the status recorder writes them): the health page shows the
   * newest 20, its older page the other 5 first.
   */
  @Test
  void theHealthPagesAlertHistoryPagesByKeysetNewestFirst() throws Exception {
    // In the future, so that they are the newest whatever else fired on this node.
    Instant base = Instant.parse("2099-12-01T00:00:00Z");
    try (Connection connection = joule.joule().dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO alert_event (alert, state, severity, node, text, at, since, fired_at)"
                    + " VALUES ('PagedAlert', 'firing', 'warning', 'it', ?, ?, ?, ?)")) {
      for (int i = 0; i < 25; i++) {
        OffsetDateTime at = base.plusSeconds(i).atOffset(ZoneOffset.UTC);
        insert.setString(1, "transition " + i);
        insert.setObject(2, at);
        insert.setObject(3, at);
        insert.setObject(4, at);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    String session = logIn();
    HttpResponse<String> first = raw(withCookie(get("/console/health"), session));
    assertThat(first.statusCode()).isEqualTo(200);
    List<String> newest = matches(first.body(), "<td>transition (\\d+)</td>");
    assertThat(newest).hasSize(20).startsWith("24", "23").endsWith("5");
    // Mustache escapes '=' in attribute values too (&#61;); the browser reads it as '='.
    Matcher older =
        Pattern.compile("href=\"(/console/health\\?alerts[^\"]+)\" id=\"older-alerts\"")
            .matcher(first.body());
    assertThat(older.find()).as("a link to the older transitions").isTrue();
    String olderPage = older.group(1).replace("&#61;", "=").replace("&amp;", "&");
    HttpResponse<String> second = raw(withCookie(get(olderPage), session));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(matches(second.body(), "<td>transition (\\d+)</td>"))
        .containsExactly("4", "3", "2", "1", "0");
    assertThat(second.body()).contains("id=\"newest-alerts\"");
    assertThat(second.body())
        .as("the page re-reads itself with its cursor")
        .contains("hx-get=\"/console/health/panel?alerts&#61;");
  }

  @Test
  void anIdTagIsDeletedFromTheConsoleWithTheCsrfTokenOnly() {
    assertThat(joule.put("/api/v1/id-tags/DEL-1", "{\"status\":\"Accepted\"}").statusCode())
        .isEqualTo(201);
    String session = logIn();
    String csrf = csrf(raw(withCookie(get("/console/id-tags"), session)).body());
    assertThat(raw(post("/console/id-tags/DEL-1/delete", session, "")).statusCode()).isEqualTo(403);
    assertThat(joule.get("/api/v1/id-tags/DEL-1").statusCode()).isEqualTo(200);
    HttpResponse<String> deleted =
        raw(post("/console/id-tags/del-1/delete", session, "csrf=" + csrf));
    assertThat(deleted.statusCode()).isEqualTo(303);
    assertThat(joule.get("/api/v1/id-tags/DEL-1").statusCode()).as("any case").isEqualTo(404);
    assertThat(raw(post("/console/id-tags/DEL-1/delete", session, "csrf=" + csrf)).statusCode())
        .as("gone already")
        .isEqualTo(404);
  }

  @Test
  void aChargersLocalListIsClearedFromTheConsoleThroughTheApisService() {
    assertThat(joule.put("/api/v1/chargers/CP-LL-1", "{}").statusCode()).isEqualTo(201);
    assertThat(joule.put("/api/v1/id-tags/LL-TAG", "{\"status\":\"Accepted\"}").statusCode())
        .isEqualTo(201);
    assertThat(
            joule
                .put("/api/v1/chargers/CP-LL-1/local-list", "{\"idTags\":[\"LL-TAG\"]}")
                .statusCode())
        .isEqualTo(200);
    String session = logIn();
    HttpResponse<String> page = raw(withCookie(get("/console/chargers/CP-LL-1"), session));
    assertThat(page.body()).contains("id=\"clear-local-list\"");
    String csrf = csrf(page.body());
    assertThat(raw(post("/console/chargers/CP-LL-1/local-list/clear", session, "")).statusCode())
        .isEqualTo(403);
    assertThat(joule.get("/api/v1/chargers/CP-LL-1/local-list").body()).contains("LL-TAG");
    HttpResponse<String> cleared =
        raw(post("/console/chargers/CP-LL-1/local-list/clear", session, "csrf=" + csrf));
    assertThat(cleared.statusCode()).isEqualTo(303);
    assertThat(cleared.headers().firstValue("Location")).hasValue("/console/chargers/CP-LL-1");
    assertThat(joule.get("/api/v1/chargers/CP-LL-1/local-list").body()).contains("\"idTags\":[]");
    assertThat(
            raw(post("/console/chargers/CP-NOBODY/local-list/clear", session, "csrf=" + csrf))
                .statusCode())
        .isEqualTo(404);
  }

  /**
   * Profiles accepted by two chargers: the fleet list filters by purpose and charger and pages by
   * keyset, in the API and on the console's page, which uses the same query.
   */
  @Test
  void theFleetsChargingProfilesAreListedByPurposeAndChargerInTheApiAndTheConsole()
      throws Exception {
    try (RawCharger one = joule.charger("CP-FLEET-1");
        RawCharger two = joule.charger("CP-FLEET-2")) {
      for (RawCharger charger : List.of(one, two)) {
        assertThat(
                charger.call(
                    "[2,\"b\",\"BootNotification\",{\"chargePointVendor\":\"Joule\","
                        + "\"chargePointModel\":\"IT\"}]"))
            .startsWith("[3,\"b\"");
      }
      joule.roundTrip(
          one,
          "CP-FLEET-1",
          "SetChargingProfile",
          profile(1, 11, "TxDefaultProfile"),
          "{\"status\":\"Accepted\"}");
      joule.roundTrip(
          two,
          "CP-FLEET-2",
          "SetChargingProfile",
          profile(0, 21, "ChargePointMaxProfile"),
          "{\"status\":\"Accepted\"}");
      joule.roundTrip(
          two,
          "CP-FLEET-2",
          "SetChargingProfile",
          profile(1, 22, "TxDefaultProfile"),
          "{\"status\":\"Accepted\"}");

      assertThat(profileIds("/api/v1/charging-profiles?purpose=TxDefaultProfile"))
          .containsExactly("CP-FLEET-1/11", "CP-FLEET-2/22");
      assertThat(profileIds("/api/v1/charging-profiles?chargerId=CP-FLEET-2"))
          .containsExactly("CP-FLEET-2/21", "CP-FLEET-2/22");
      HttpResponse<String> first =
          joule.get("/api/v1/charging-profiles?chargerId=CP-FLEET-2&limit=1");
      assertThat(profileIds(first)).containsExactly("CP-FLEET-2/21");
      Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(first.body());
      assertThat(next.find()).isTrue();
      assertThat(
              profileIds(
                  "/api/v1/charging-profiles?chargerId=CP-FLEET-2&limit=1&cursor=" + next.group(1)))
          .containsExactly("CP-FLEET-2/22");
      assertThat(joule.get("/api/v1/charging-profiles?purpose=Fast").body())
          .contains("purpose: 'Fast' is not one of ChargePointMaxProfile");

      String session = logIn();
      HttpResponse<String> page =
          raw(withCookie(get("/console/charging-profiles?purpose=ChargePointMaxProfile"), session));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(matches(page.body(), "data-charger-id=\"([^\"]+)\" data-profile=\"(\\d+)\""))
          .containsExactly("CP-FLEET-2");
      assertThat(page.body()).contains("&quot;chargingRateUnit&quot;:&quot;A&quot;");
      HttpResponse<String> bad =
          raw(withCookie(get("/console/charging-profiles?status=lost"), session));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("status: &#39;lost&#39; is not one of installed");
    }
  }

  private static String profile(int connectorId, int profileId, String purpose) {
    return "{\"connectorId\":"
        + connectorId
        + ",\"csChargingProfiles\":{\"chargingProfileId\":"
        + profileId
        + ",\"stackLevel\":1,\"chargingProfilePurpose\":\""
        + purpose
        + "\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{"
        + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
        + "[{\"startPeriod\":0,\"limit\":16}]}}}";
  }

  /** chargerId/chargingProfileId of each item of a fleet profiles page, in order. */
  private static List<String> profileIds(String path) {
    HttpResponse<String> response = joule.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return profileIds(response);
  }

  private static List<String> profileIds(HttpResponse<String> response) {
    Matcher items =
        Pattern.compile("\\{\"chargerId\":\"([^\"]+)\",\"chargingProfileId\":(\\d+)")
            .matcher(response.body());
    List<String> found = new java.util.ArrayList<>();
    while (items.find()) {
      found.add(items.group(1) + "/" + items.group(2));
    }
    return found;
  }

  /** The first group of every match of {@code regex} in {@code text}. */
  private static List<String> matches(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    List<String> found = new java.util.ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
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
