package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console as an operator uses it, in headless Chromium ({@link Chromium}; skipped
 * where there is none): a wrong token refused, log in, the chargers a real WebSocket charger
 * connected, a connector's status change shown without a reload, one charger's page with a
 * transaction that starts while it is open and its energy, a TriggerMessage sent from its generated
 * form and answered by the charger, its outcome shown live, the health panel, log out; no console
 * error on any page. Writes the screenshots of docs/console.md.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsoleBrowserIT {
  private static final String CHARGER = "CP-CONSOLE-1";
  private static final Path IMAGES = Path.of("..", "docs", "images").toAbsolutePath().normalize();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path dataDir;
  static ChromeDriver browser;
  static JouleServer joule;

  @BeforeAll
  static void start() {
    Chromium.assumeInstalled();
    browser = Chromium.start();
    joule = JouleServer.start(dataDir, "workers", "2");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (joule != null) {
      joule.close();
    }
  }

  @Test
  void anOperatorLogsInWatchesAChargerSendsACommandAndLogsOut() throws Exception {
    try (RawCharger charger = joule.charger(CHARGER)) {
      assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"");
      assertThat(charger.call(status("s1", 1, "Available"))).startsWith("[3,\"s1\"");

      open("/");
      waitFor(ExpectedConditions.urlContains("/console/login"));
      assertThat(browser.getTitle()).isEqualTo("Log in · Joule console");
      shot("login");
      noErrors("the login page");

      logIn("not-the-token-0123456789");
      assertThat(browser.findElement(By.cssSelector("p.problem")).getText())
          .isEqualTo("That token is not valid.");
      assertThat(browser.getCurrentUrl()).endsWith("/console/login");
      browser.manage().logs().get(LogType.BROWSER); // the 401 itself is logged as a failed load

      logIn(JouleServer.TOKEN);
      waitFor(ExpectedConditions.urlContains("/console/chargers"));
      WebElement row = row();
      assertThat(row.getText()).contains(CHARGER).contains("connected").contains("1: Available");
      noErrors("the chargers page");

      // Live: the page is not reloaded (the marker survives) and the row shows the new status.
      awaitLive();
      browser.executeScript("window.joulePageMarker = 'still here';");
      assertThat(charger.call(status("s2", 1, "Charging"))).startsWith("[3,\"s2\"");
      waitFor(d -> row().getText().contains("1: Charging"));
      assertThat(browser.executeScript("return window.joulePageMarker;")).isEqualTo("still here");
      shot("chargers");
      noErrors("the chargers page after a live update");

      row().findElement(By.linkText(CHARGER)).click();
      waitFor(ExpectedConditions.titleContains("Charger " + CHARGER));
      assertThat(browser.findElement(By.id("connectors")).getText()).contains("Charging");
      assertThat(browser.findElement(By.cssSelector("ol.frames")).getText())
          .as("recent frames from the message log")
          .contains("StatusNotification");
      noErrors("the charger page");

      awaitLive();
      String started =
          charger.call(
              "[2,\"t1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG-CONSOLE\","
                  + "\"meterStart\":1000,\"timestamp\":\""
                  + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                  + "\"}]");
      Matcher id = Pattern.compile("\"transactionId\":(\\d+)").matcher(started);
      assertThat(id.find()).as("a transaction id in %s", started).isTrue();
      String transactionId = id.group(1);
      waitFor(
          d ->
              browser
                  .findElement(By.id("transactions"))
                  .getText()
                  .contains("Transaction " + transactionId));

      new Select(browser.findElement(By.id("command-action"))).selectByValue("TriggerMessage");
      waitFor(ExpectedConditions.presenceOfElementLocated(By.name("f.requestedMessage")));
      new Select(browser.findElement(By.name("f.requestedMessage"))).selectByValue("Heartbeat");
      browser.findElement(By.id("send-command")).click();

      String call = charger.next();
      assertThat(call).startsWith("[2,").contains("\"TriggerMessage\"").contains("\"Heartbeat\"");
      String messageId = call.split("\"")[1];
      charger.send("[3,\"" + messageId + "\",{\"status\":\"Accepted\"}]");
      waitFor(d -> statusOfCommand().equals("accepted"));
      waitFor(
          d ->
              browser.findElement(By.id("commands")).getText().contains("TriggerMessage")
                  && browser.findElement(By.id("commands")).getText().contains("accepted"));

      assertThat(browser.findElement(By.id("configuration")).getText()).contains("Not read yet");
      new Select(browser.findElement(By.id("command-action"))).selectByValue("GetConfiguration");
      waitFor(
          d ->
              browser.findElement(By.id("send-command")).getText().equals("Send GetConfiguration"));
      browser.findElement(By.id("send-command")).click();
      String read = charger.next();
      assertThat(read).contains("\"GetConfiguration\"");
      charger.send(
          "[3,\""
              + read.split("\"")[1]
              + "\",{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,"
              + "\"value\":\"300\"},{\"key\":\"NumberOfConnectors\",\"readonly\":true,"
              + "\"value\":\"1\"}],\"unknownKey\":[]}]");
      waitFor(d -> !configuration("HeartbeatInterval").isEmpty());
      assertThat(configuration("HeartbeatInterval"))
          .containsExactly("HeartbeatInterval", "300", "no");
      assertThat(configuration("NumberOfConnectors"))
          .containsExactly("NumberOfConnectors", "1", "yes");

      awaitLive();
      assertThat(charger.call(status("s3", 1, "Faulted"))).startsWith("[3,\"s3\"");
      waitFor(d -> browser.findElement(By.id("connectors")).getText().contains("Faulted"));
      assertThat(
              charger.call(
                  "[2,\"m1\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":"
                      + transactionId
                      + ",\"meterValue\":[{\"timestamp\":\""
                      + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                      + "\",\"sampledValue\":[{\"value\":\"1500\","
                      + "\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}]"))
          .startsWith("[3,\"m1\"");
      // The meter chart's refresh brings the energy up to date, without a reload.
      waitFor(
          d ->
              browser
                  .findElement(By.cssSelector("#transactions .energy"))
                  .getText()
                  .equals("0.500 kWh"));
      shot("charger");
      noErrors("the charger page after a command");

      open("/console/health");
      waitFor(ExpectedConditions.titleContains("Health"));
      assertThat(browser.findElement(By.id("health-ready")).getText()).isIn("yes", "no");
      assertThat(browser.findElement(By.id("health-backlog")).getText()).matches("\\d+");
      assertThat(browser.findElements(By.cssSelector("table.workers tbody tr"))).hasSize(2);
      assertThat(browser.findElements(By.cssSelector("a[href='/status']"))).isNotEmpty();
      shot("health");
      noErrors("the health page");

      browser.manage().window().setSize(new Dimension(390, 844));
      open("/console/chargers");
      waitFor(d -> row().isDisplayed());
      shot("chargers-phone");
      browser.manage().window().setSize(new Dimension(1280, 1800));

      browser.findElement(By.id("logout")).click();
      waitFor(ExpectedConditions.urlContains("/console/login"));
      open("/console/chargers");
      waitFor(ExpectedConditions.urlContains("/console/login"));
      noErrors("after logging out");
    }
  }

  /**
   * The pages of the fleet's records: transactions filtered by idTag with their energy and a link
   * to their charger; an id tag created, blocked and unblocked; a reservation made and cancelled; a
   * running transaction's meter chart; a charging profile as stored (the charger answers ReserveNow
   * and CancelReservation); the charger's local list as sent; an alert in the health panel's
   * history. Logs in and out itself, so it runs before or after the test above.
   */
  @Test
  void anOperatorFindsTransactionsManagesIdTagsAndReservationsAndReadsAlertHistory()
      throws Exception {
    String other = "CP-CONSOLE-2";
    try (RawCharger charger = joule.charger(other)) {
      assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"");
      String fleet = startTransaction(charger, "t1", "FLEET-<7>", 2000);
      String guest = startTransaction(charger, "t2", "GUEST-1", 5000);
      assertThat(
              charger.call(
                  "[2,\"t3\",\"StopTransaction\",{\"transactionId\":"
                      + fleet
                      + ",\"meterStop\":14500,\"timestamp\":\""
                      + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                      + "\",\"reason\":\"Local\"}]"))
          .startsWith("[3,\"t3\"");

      logIn(JouleServer.TOKEN);
      browser.findElement(By.linkText("Transactions")).click();
      waitFor(ExpectedConditions.titleContains("Transactions"));
      browser.findElement(By.name("idTag")).sendKeys("fleet-<7>");
      browser.findElement(By.id("filter-transactions")).click();
      waitFor(ExpectedConditions.urlContains("idTag=fleet-%3C7%3E"));
      List<WebElement> rows =
          browser.findElements(By.cssSelector("table.transactions tr.transaction"));
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getAttribute("data-transaction")).isEqualTo(fleet);
      assertThat(rows.get(0).getText()).contains(other).contains("FLEET-<7>").contains("Local");
      assertThat(rows.get(0).findElement(By.className("energy")).getText()).isEqualTo("12.500 kWh");
      shot("transactions");
      noErrors("the transactions page");

      open("/console/transactions?chargerId=" + other);
      assertThat(
              browser.findElements(By.cssSelector("table.transactions tr.transaction")).stream()
                  .map(row -> row.getAttribute("data-transaction"))
                  .toList())
          .containsExactly(guest, fleet);
      browser.findElement(By.linkText(other)).click();
      waitFor(ExpectedConditions.titleContains("Charger " + other));
      assertThat(browser.findElement(By.id("transactions")).getText())
          .contains("Transaction " + guest);
      noErrors("a charger page reached from the transactions");

      // Id tags: create one with an expiry and a parent (a value to escape), block it, unblock it.
      browser.findElement(By.linkText("Id tags")).click();
      waitFor(ExpectedConditions.titleContains("Id tags"));
      WebElement form = browser.findElement(By.id("id-tag-form"));
      form.findElement(By.name("idTag")).sendKeys("FLEET-<7>");
      browser.executeScript(
          "arguments[0].value = '2027-01-31T12:00';", form.findElement(By.name("expiryDate")));
      form.findElement(By.name("parentIdTag")).sendKeys("FLEET");
      browser.findElement(By.id("save-id-tag")).click();
      waitFor(d -> !idTagCells("FLEET-<7>").isEmpty());
      assertThat(idTagCells("FLEET-<7>"))
          .startsWith("FLEET-<7>", "Accepted", "2027-01-31 12:00:00 UTC", "FLEET");
      idTagRow("FLEET-<7>").findElement(By.cssSelector("button.toggle")).click();
      waitFor(d -> idTagCells("FLEET-<7>").get(1).equals("Blocked"));
      assertThat(joule.get("/api/v1/id-tags/fleet-%3C7%3E").body())
          .as("the API reads what the console stored")
          .contains("\"status\":\"Blocked\"")
          .contains("\"parentIdTag\":\"FLEET\"")
          .contains("\"expiryDate\":\"2027-01-31T12:00:00Z\"");
      shot("id-tags");
      idTagRow("FLEET-<7>").findElement(By.cssSelector("button.toggle")).click();
      waitFor(d -> idTagCells("FLEET-<7>").get(1).equals("Accepted"));
      noErrors("the id tags page");

      // Reservations: reserve (ReserveNow answered Accepted), then cancel (CancelReservation).
      browser.findElement(By.linkText("Reservations")).click();
      waitFor(ExpectedConditions.titleContains("Reservations"));
      WebElement reserve = browser.findElement(By.id("reservation-form"));
      reserve.findElement(By.name("chargerId")).sendKeys(other);
      reserve.findElement(By.name("idTag")).sendKeys("FLEET-<7>");
      browser.executeScript(
          "arguments[0].value = arguments[1];",
          reserve.findElement(By.name("expiryDate")),
          LocalDateTime.now(ZoneOffset.UTC)
              .plusHours(2)
              .truncatedTo(ChronoUnit.MINUTES)
              .toString());
      browser.findElement(By.id("reserve")).click();
      String reserveNow = charger.next();
      assertThat(reserveNow).contains("\"ReserveNow\"").contains("\"idTag\":\"FLEET-<7>\"");
      Matcher reservationId = Pattern.compile("\"reservationId\":(\\d+)").matcher(reserveNow);
      assertThat(reservationId.find()).as(reserveNow).isTrue();
      String reservation = reservationId.group(1);
      charger.send("[3,\"" + reserveNow.split("\"")[1] + "\",{\"status\":\"Accepted\"}]");
      waitFor(d -> reservationStatus(reservation).equals("reserved"));
      assertThat(reservationRow(reservation).getText()).contains(other).contains("FLEET-<7>");
      shot("reservations");
      reservationRow(reservation).findElement(By.cssSelector("button.cancel")).click();
      String cancel = charger.next();
      assertThat(cancel)
          .contains("\"CancelReservation\"")
          .contains("\"reservationId\":" + reservation);
      charger.send("[3,\"" + cancel.split("\"")[1] + "\",{\"status\":\"Accepted\"}]");
      waitFor(d -> reservationStatus(reservation).equals("cancelled"));
      open("/console/reservations?status=reserved");
      assertThat(browser.findElements(By.cssSelector("tr.reservation"))).isEmpty();
      open("/console/reservations?status=cancelled&chargerId=" + other);
      assertThat(reservationStatus(reservation)).isEqualTo("cancelled");
      noErrors("the reservations page");

      // The charger's local list: set by the API, sent by Joule, answered, shown on its page.
      assertThat(
              joule
                  .put("/api/v1/chargers/" + other + "/local-list", "{\"idTags\":[\"FLEET-<7>\"]}")
                  .statusCode())
          .isEqualTo(200);
      String send = charger.next();
      while (send.contains("\"GetLocalListVersion\"")) {
        charger.send("[3,\"" + send.split("\"")[1] + "\",{\"listVersion\":0}]");
        send = charger.next();
      }
      assertThat(send).contains("\"SendLocalList\"");
      charger.send("[3,\"" + send.split("\"")[1] + "\",{\"status\":\"Accepted\"}]");
      open("/console/chargers/" + other);
      waitFor(
          d ->
              browser
                  .findElement(By.cssSelector("#local-list .local-list-state"))
                  .getText()
                  .equals("in-sync"));
      assertThat(browser.findElement(By.id("local-list")).getText()).contains("FLEET-<7>");
      noErrors("the charger page with its local list");

      // The open transaction's energy and power, drawn from its meter values, re-read by the page.
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      assertThat(
              charger.call(
                  "[2,\"m1\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":"
                      + guest
                      + ",\"meterValue\":["
                      + meterValue(now.minusSeconds(60), "5200", "7.2", "kW")
                      + ","
                      + meterValue(now, "5600", "6000", "W")
                      + "]}]"))
          .startsWith("[3,\"m1\"");
      String chart = "#meter-" + guest + " .meter-panel";
      waitFor(
          d ->
              browser
                  .findElement(By.cssSelector(chart + ".energy"))
                  .getAttribute("data-samples")
                  .equals("2"));
      assertThat(browser.findElement(By.cssSelector(chart + ".energy .latest")).getText())
          .isEqualTo("0.600 kWh");
      assertThat(browser.findElement(By.cssSelector(chart + ".power .latest")).getText())
          .isEqualTo("6.0 kW");
      assertThat(browser.findElement(By.id("energy-" + guest)).getText())
          .as("the energy above the chart is brought up to date with it, without a reload")
          .isEqualTo("0.600 kWh");
      assertThat(
              browser
                  .findElement(By.cssSelector(chart + ".power polyline"))
                  .getAttribute("points")
                  .split(" "))
          .as("a point per power sample, the older one higher (7.2 kW, then 6 kW)")
          .hasSize(2)
          .satisfies(
              points ->
                  assertThat(Double.parseDouble(points[0].split(",")[1]))
                      .isLessThan(Double.parseDouble(points[1].split(",")[1])));
      shot("charger-chart");
      noErrors("the charger page with its meter chart");

      // A charging profile the charger accepted appears as stored, without a reload.
      awaitLive();
      joule.roundTrip(
          charger,
          other,
          "SetChargingProfile",
          "{\"connectorId\":1,\"csChargingProfiles\":{\"chargingProfileId\":7,\"stackLevel\":2,"
              + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\","
              + "\"chargingSchedule\":{\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":"
              + "[{\"startPeriod\":0,\"limit\":16}]}}}",
          "{\"status\":\"Accepted\"}");
      waitFor(
          d ->
              !browser
                  .findElements(By.cssSelector("#charging-profiles tr[data-profile='7']"))
                  .isEmpty());
      assertThat(
              browser
                  .findElements(By.cssSelector("#charging-profiles tr[data-profile='7'] td"))
                  .stream()
                  .map(WebElement::getText)
                  .toList())
          .startsWith("7", "1", "TxDefaultProfile", "2", "installed");
      assertThat(
              browser
                  .findElement(By.cssSelector("#charging-profiles tr[data-profile='7']"))
                  .getText())
          .contains("\"chargingRateUnit\":\"A\"");
      browser.executeScript(
          "arguments[0].closest('section').scrollIntoView();",
          browser.findElement(By.cssSelector("table.charging-profiles")));
      shot("charger-profiles");
      noErrors("the charger page with a charging profile");

      // The fleet's profiles, filtered by purpose: the same profile, with a link to its charger.
      browser.findElement(By.linkText("Charging profiles")).click();
      waitFor(ExpectedConditions.titleContains("Charging profiles"));
      new Select(browser.findElement(By.name("purpose"))).selectByValue("TxDefaultProfile");
      browser.findElement(By.id("filter-profiles")).click();
      waitFor(ExpectedConditions.urlContains("purpose=TxDefaultProfile"));
      WebElement fleetProfile =
          browser.findElement(
              By.cssSelector(
                  "tr.fleet-profile[data-charger-id='" + other + "'][data-profile='7']"));
      assertThat(fleetProfile.getText()).contains("TxDefaultProfile").contains("installed");
      shot("charging-profiles");
      open("/console/charging-profiles?purpose=TxProfile&chargerId=" + other);
      assertThat(browser.findElements(By.cssSelector("tr.fleet-profile"))).isEmpty();
      noErrors("the fleet's charging profiles");

      // Alert history: a critical security event fires ChargerSecurityEvent.
      assertThat(
              charger.call(
                  "[2,\"se1\",\"SecurityEventNotification\",{\"type\":\"TamperDetectionActivated\","
                      + "\"timestamp\":\""
                      + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                      + "\",\"techInfo\":\"lid <opened>\"}]"))
          .startsWith("[3,\"se1\"");
      open("/console/health");
      waitFor(ExpectedConditions.titleContains("Health"));
      new WebDriverWait(browser, Duration.ofSeconds(20))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d ->
                  browser
                      .findElement(By.id("alert-history"))
                      .getText()
                      .contains(other + " TamperDetectionActivated (lid <opened>)"));
      waitFor(
          d ->
              browser
                  .findElement(
                      By.cssSelector(
                          "#alert-history tr[data-alert='ChargerSecurityEvent'][data-state='firing']"))
                  .getText()
                  .contains("warning"));
      shot("health-alerts");
      noErrors("the health page with alert history");

      browser.findElement(By.id("logout")).click();
      waitFor(ExpectedConditions.urlContains("/console/login"));
    }
  }

  /**
   * A charger that connects while the chargers list is open gets its row without a reload, where
   * the page's filter lets it in: of two chargers connecting, the one the id prefix excludes never
   * appears. Logs in and out itself.
   */
  @Test
  void aChargerConnectingWhileTheListIsOpenAppearsInItIfTheFilterLetsItIn() throws Exception {
    logIn(JouleServer.TOKEN);
    open("/console/chargers?idPrefix=CP-NEW-");
    waitFor(ExpectedConditions.titleContains("Chargers"));
    assertThat(browser.findElements(By.cssSelector("tr.charger"))).isEmpty();
    awaitLive();
    browser.executeScript("window.joulePageMarker = 'still here';");
    try (RawCharger outside = joule.charger("OTHER-NEW-1");
        RawCharger inside = joule.charger("CP-NEW-1")) {
      assertThat(outside.call(boot("b1"))).startsWith("[3,\"b1\"");
      assertThat(inside.call(boot("b1"))).startsWith("[3,\"b1\"");
      assertThat(inside.call(status("s1", 1, "Available"))).startsWith("[3,\"s1\"");
      waitFor(d -> !newRows("CP-NEW-1").isEmpty());
      assertThat(newRows("OTHER-NEW-1")).as("the id prefix filter excludes it").isEmpty();
      waitFor(d -> newRows("CP-NEW-1").get(0).getAttribute("class").contains("arrived"));
      waitFor(d -> newRows("CP-NEW-1").get(0).getText().contains("1: Available"));
      // The new row is live like the others.
      assertThat(inside.call(status("s2", 1, "Charging"))).startsWith("[3,\"s2\"");
      waitFor(d -> newRows("CP-NEW-1").get(0).getText().contains("1: Charging"));
      assertThat(browser.executeScript("return window.joulePageMarker;")).isEqualTo("still here");
      assertThat(browser.findElements(By.cssSelector("p.empty"))).isEmpty();
      noErrors("the chargers list with a charger that connected while it was open");
    }
    browser.findElement(By.id("logout")).click();
    waitFor(ExpectedConditions.urlContains("/console/login"));
  }

  private static List<WebElement> newRows(String id) {
    return browser.findElements(By.cssSelector("tr.charger[data-charger='" + id + "']"));
  }

  /** One MeterValues element: the energy register in Wh and the active power. */
  private static String meterValue(Instant at, String wattHours, String power, String unit) {
    return "{\"timestamp\":\""
        + at
        + "\",\"sampledValue\":[{\"value\":\""
        + wattHours
        + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
        + "{\"value\":\""
        + power
        + "\",\"measurand\":\"Power.Active.Import\",\"unit\":\""
        + unit
        + "\"}]}";
  }

  private static WebElement reservationRow(String id) {
    return browser.findElement(By.cssSelector("tr.reservation[data-reservation='" + id + "']"));
  }

  /** The status cell of reservation {@code id}; empty while it is not listed. */
  private static String reservationStatus(String id) {
    List<WebElement> cells =
        browser.findElements(
            By.cssSelector("tr.reservation[data-reservation='" + id + "'] td.status"));
    return cells.isEmpty() ? "" : cells.get(0).getText();
  }

  private static WebElement idTagRow(String idTag) {
    return browser.findElement(By.cssSelector("tr.id-tag[data-id-tag='" + idTag + "']"));
  }

  /** The cells of the id tags table's row of {@code idTag}; empty while there is none. */
  private static List<String> idTagCells(String idTag) {
    return browser
        .findElements(By.cssSelector("tr.id-tag[data-id-tag='" + idTag + "'] td"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Starts a transaction on connector 1 and returns its id. */
  private static String startTransaction(
      RawCharger charger, String messageId, String idTag, int meterStart) throws Exception {
    String started =
        charger.call(
            "[2,\""
                + messageId
                + "\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\""
                + idTag
                + "\",\"meterStart\":"
                + meterStart
                + ",\"timestamp\":\""
                + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + "\"}]");
    Matcher id = Pattern.compile("\"transactionId\":(\\d+)").matcher(started);
    assertThat(id.find()).as("a transaction id in %s", started).isTrue();
    return id.group(1);
  }

  private static void logIn(String token) {
    open("/console/login");
    WebElement field = browser.findElement(By.id("token"));
    field.sendKeys(token);
    field.submit();
    waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
  }

  /** The events stream is open: a change published from now on reaches the page. */
  private static void awaitLive() {
    waitFor(
        d -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-live-open")));
  }

  private static WebElement row() {
    return browser.findElement(By.cssSelector("tr.charger[data-charger='" + CHARGER + "']"));
  }

  /** The cells of the configuration table's row of {@code key}; empty while there is none. */
  private static List<String> configuration(String key) {
    return browser
        .findElements(By.cssSelector("#configuration tr.config-key[data-key='" + key + "'] td"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String statusOfCommand() {
    List<WebElement> status = browser.findElements(By.id("command-status"));
    return status.isEmpty() ? "" : status.get(0).getText();
  }

  private static void waitFor(
      java.util.function.Function<? super org.openqa.selenium.WebDriver, ?> condition) {
    // A live update replaces the element a condition is reading: read it again.
    new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  private static void open(String path) {
    browser.get("http://127.0.0.1:" + joule.port() + path);
  }

  private static void noErrors(String where) {
    List<String> severe =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::toString)
            .toList();
    assertThat(severe).as("console errors on %s", where).isEmpty();
  }

  private static void shot(String name) throws Exception {
    Files.createDirectories(IMAGES);
    Path target = IMAGES.resolve("console-" + name + ".png");
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        target,
        StandardCopyOption.REPLACE_EXISTING);
    System.out.println("ConsoleBrowserIT: screenshot " + target);
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"IT\","
        + "\"firmwareVersion\":\"1.4.2\"}]";
  }

  private static String status(String id, int connector, String status) {
    return "[2,\""
        + id
        + "\",\"StatusNotification\",{\"connectorId\":"
        + connector
        + ",\"errorCode\":\"NoError\",\"status\":\""
        + status
        + "\"}]";
  }
}
