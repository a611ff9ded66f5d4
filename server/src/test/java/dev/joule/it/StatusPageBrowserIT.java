package dev.joule.it;

import static dev.joule.it.IncidentsJson.newestAutomatic;
import static dev.joule.it.IncidentsJson.statuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code /status} as a browser renders it: a hung worker's automatic incident, resolved, with its
 * whole timeline under past incidents; an operator's incident still open; the four components; no
 * console errors. Headless Chromium from {@link Chromium}; skipped where there is none. Setting up
 * takes at most 80 s and each test 6 s, about 2 minutes for the class.
 */
@Timeout(value = 6, unit = TimeUnit.SECONDS)
class StatusPageBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FAST =
      new String[] {
        "fault-injection", "true",
        "workers", "2",
        "stall-after", "2s",
        "alert-stall-held", "1s",
        "alert-resolve-after", "1s",
        "incident-quiet-period", "2s",
        "message-log", "false"
      };
  private static final String MANUAL_TITLE = "Slow answers to BootNotification";
  private static final Duration SETUP = Duration.ofSeconds(80);
  private static final Path SCREENSHOT = Path.of("target", "status-page.png").toAbsolutePath();
  private static final Path INCIDENT_SHOT =
      Path.of("target", "status-incident.png").toAbsolutePath();

  @TempDir static Path dataDir;
  static ChromeDriver browser;
  static JouleServer joule;
  static long automaticId;
  static long manualId;

  @BeforeAll
  static void start() {
    // Before the time limit starts: the first run on a machine may spend minutes installing it.
    Chromium.assumeInstalled();
    assertTimeoutPreemptively(SETUP, StatusPageBrowserIT::anIncidentResolvedAndOneOpen);
  }

  private static void anIncidentResolvedAndOneOpen() throws Exception {
    browser = Chromium.start();
    joule = JouleServer.start(dataDir, FAST);
    try (RawCharger charger = joule.charger("CP-BROWSER")) {
      assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"");
      assertThat(
              joule.post("/api/v1/faults/hang-workers", "{\"count\":2,\"seconds\":4}").statusCode())
          .isEqualTo(200);
      assertThat(charger.call("[2,\"h1\",\"Heartbeat\",{}]")).startsWith("[3,\"h1\"");
    }
    Await.until(
        () -> statuses(newestAutomatic(joule)).contains("resolved"), Duration.ofSeconds(40));
    automaticId = newestAutomatic(joule).path("id").asLong();

    // Opened after the automatic one resolved, so the alert cannot join it.
    var opened =
        joule.post(
            "/api/v1/incidents",
            "{\"title\":\""
                + MANUAL_TITLE
                + "\",\"impact\":\"minor\",\"components\":[\"ocpp-connections\"],"
                + "\"text\":\"Some chargers see slow answers; we are looking into it.\"}");
    assertThat(opened.statusCode()).isEqualTo(201);
    manualId = JSON.readTree(opened.body()).path("id").asLong();

    open("/status");
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("StatusPageBrowserIT: screenshot " + SCREENSHOT);
    // The gateways' tallies of the last seconds reach the database a few seconds later.
    Thread.sleep(5_000);
    open("/status/incidents/" + automaticId);
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        INCIDENT_SHOT,
        StandardCopyOption.REPLACE_EXISTING);
    System.out.println("StatusPageBrowserIT: screenshot " + INCIDENT_SHOT);
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
  void thePageShowsItsTitleBannerAndEveryComponent() {
    open("/status");
    assertThat(browser.getTitle()).isEqualTo("Joule status");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Joule status");
    WebElement banner = browser.findElement(By.cssSelector("div.banner"));
    assertThat(banner.getText()).isEqualTo("1 open incident");
    assertThat(banner.getAttribute("class")).contains("operational");

    List<String> components = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("tr.component"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      components.add(
          cells.get(0).getText().lines().findFirst().orElse("") + ": " + cells.get(1).getText());
    }
    assertThat(components)
        .containsExactly(
            "OCPP connections: Operational",
            "Message processing: Operational",
            "Charger commands: Operational",
            "API: Operational");
  }

  @Test
  void theOperatorsIncidentIsShownAsOpen() {
    open("/status");
    WebElement incident = incidentUnder("Open incidents", manualId);
    assertThat(incident.findElement(By.tagName("h3")).getText()).isEqualTo(MANUAL_TITLE);
    assertThat(incident.findElement(By.cssSelector(".meta")).getText())
        .contains("Impact: minor")
        .contains("Components: ocpp-connections")
        .doesNotContain("Resolved");
    assertThat(timeline(incident)).containsExactly("investigating");
    assertThat(incident.findElement(By.cssSelector("ol.timeline li")).getText())
        .contains("Some chargers see slow answers; we are looking into it.");
  }

  @Test
  void theAutomaticIncidentIsPastWithItsWholeTimeline() {
    open("/status");
    WebElement incident = incidentUnder("Past incidents", automaticId);
    assertThat(incident.findElement(By.tagName("h3")).getText())
        .isEqualTo("Message processing stalled");
    assertThat(incident.findElement(By.cssSelector(".meta")).getText())
        .contains("Components: message-processing")
        .contains("Resolved ");
    List<String> newestFirst = timeline(incident);
    assertThat(newestFirst)
        .startsWith("resolved")
        .endsWith("investigating")
        .containsSubsequence("resolved", "monitoring", "identified", "investigating");
    assertThat(incident.findElement(By.cssSelector("ol.timeline")).getText())
        .contains("worker processor-")
        .contains("ProcessingStalled");
  }

  @Test
  void thePageLogsNoErrorInTheConsole() {
    browser.manage().logs().get(LogType.BROWSER); // drops what earlier loads logged
    open("/status");
    assertThat(severe()).isEmpty();
  }

  @Test
  void itLinksToItsJsonAndItsFeed() {
    open("/status");
    for (String href : List.of("/status.json", "/status/feed.atom")) {
      assertThat(browser.findElements(By.cssSelector("footer a[href='" + href + "']")))
          .as("a link to %s", href)
          .hasSize(1);
      assertThat(joule.get(href).statusCode()).as(href).isEqualTo(200);
    }
  }

  @Test
  void anIncidentsLinkOpensItsOwnPage() {
    open("/status");
    List<WebElement> links =
        incidentUnder("Past incidents", automaticId)
            .findElements(By.cssSelector("a[href='/status/incidents/" + automaticId + "']"));
    assertThat(links).as("the incident's title links to its page").hasSize(1);
    browser.manage().logs().get(LogType.BROWSER);
    links.get(0).click();
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(ExpectedConditions.urlContains("/status/incidents/" + automaticId));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Message processing stalled");
    assertThat(timeline(browser.findElement(By.cssSelector("body"))))
        .containsSubsequence("resolved", "monitoring", "identified", "investigating");
    List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
    assertThat(charts)
        .extracting(chart -> chart.getAttribute("aria-label"))
        .containsExactly("Processing rate", "Backlog", "Waiting");
    for (WebElement chart : charts) {
      assertThat(chart.findElements(By.cssSelector("line.marker")))
          .as("the incident's updates marked")
          .hasSizeGreaterThanOrEqualTo(4);
      assertThat(chart.getSize().getWidth()).as("drawn at a visible size").isGreaterThan(300);
    }
    assertThat(charts.get(0).findElement(By.cssSelector("path.l1")).getAttribute("d"))
        .as("the processing rate has points")
        .contains("L");
    assertThat(severe()).isEmpty();
  }

  @Test
  void everyComponentHasNinetyDaysOfUptimeBars() {
    open("/status");
    List<WebElement> bars = browser.findElements(By.cssSelector("tr.bars svg.uptime"));
    assertThat(bars).hasSize(4);
    for (WebElement bar : bars) {
      assertThat(bar.findElements(By.cssSelector("rect.day"))).hasSize(90);
      assertThat(bar.getSize().getWidth()).isGreaterThan(300);
    }
    // Before this run nothing was recorded; today the stall was.
    List<WebElement> processing = bars.get(1).findElements(By.cssSelector("rect.day"));
    assertThat(processing.get(0).getAttribute("class")).contains("b-no_data");
    assertThat(processing.get(89).getAttribute("class"))
        .containsAnyOf("b-partial_outage", "b-major_outage");
    assertThat(bars.get(3).findElements(By.cssSelector("rect.day")).get(89).getAttribute("class"))
        .contains("b-operational");
  }

  private static void open(String path) {
    browser.get("http://127.0.0.1:" + joule.port() + path);
  }

  /** The incident's block, which must come after the heading {@code section}, before the next. */
  private static WebElement incidentUnder(String section, long id) {
    List<WebElement> found =
        browser.findElements(
            By.xpath(
                "//h2[.='"
                    + section
                    + "']/following-sibling::div[@id='incident-"
                    + id
                    + "'][count(preceding-sibling::h2)=count(//h2[.='"
                    + section
                    + "']/preceding-sibling::h2)+1]"));
    assertThat(found).as("incident %d under '%s'", id, section).hasSize(1);
    return found.get(0);
  }

  /** The statuses of the timeline's entries as written (the page capitalizes them with CSS). */
  private static List<String> timeline(WebElement incident) {
    return incident.findElements(By.cssSelector("ol.timeline li .status")).stream()
        .map(status -> status.getDomProperty("textContent"))
        .toList();
  }

  private static List<String> severe() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::toString)
        .toList();
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"IT\"}]";
  }
}
