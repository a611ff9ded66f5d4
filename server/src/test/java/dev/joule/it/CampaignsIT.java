package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Firmware, diagnostics and log campaigns (decision 0015) through {@code /api/v1/campaigns}, with
 * Joule's simulator as the chargers over real WebSockets and the embedded PostgreSQL: waves of at
 * most {@code concurrency}, pause, resume, cancel, timeouts, failures and refusals.
 */
class CampaignsIT {
  @TempDir static Path dataDir;
  static JouleServer joule;
  static final ObjectMapper JSON = new ObjectMapper();

  /** A campaign of a few dozen simulated chargers finishes well within this on a loaded machine. */
  static final Duration CAMPAIGN = Duration.ofSeconds(120);

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir, "call-timeout", "5s");
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  static JsonNode create(JouleServer server, String kind, String body) {
    HttpResponse<String> created = server.post("/api/v1/campaigns/" + kind, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode campaign = read(created.body());
    assertThat(created.headers().firstValue("Location"))
        .contains("/api/v1/campaigns/" + campaign.path("id").asLong());
    return campaign;
  }

  static JsonNode campaign(JouleServer server, long id) {
    HttpResponse<String> response = server.get("/api/v1/campaigns/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response.body());
  }

  static JsonNode awaitStatus(JouleServer server, long id, String status) {
    Await.until(() -> campaign(server, id).path("status").asText().equals(status), CAMPAIGN);
    return campaign(server, id);
  }

  /** Every charger of the campaign in {@code state} (any: null), following the pages. */
  static List<JsonNode> chargers(JouleServer server, long id, String state, int limit) {
    List<JsonNode> all = new ArrayList<>();
    String next = null;
    do {
      String path =
          "/api/v1/campaigns/"
              + id
              + "/chargers?limit="
              + limit
              + (state == null ? "" : "&state=" + state)
              + (next == null ? "" : "&cursor=" + next);
      HttpResponse<String> response = server.get(path);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode page = read(response.body());
      page.path("items").forEach(all::add);
      next = page.path("next").isNull() ? null : page.path("next").asText();
    } while (next != null);
    return all;
  }

  /** The most chargers whose [sent, finished) intervals overlap, from the stored times. */
  static long maxInFlight(JouleServer server, long id) {
    return server.count(
        "SELECT COALESCE(max(n), 0) FROM (SELECT (SELECT count(*) FROM campaign_charger o"
            + " WHERE o.campaign_id = a.campaign_id AND o.sent_at <= a.sent_at"
            + " AND (o.finished_at IS NULL OR o.finished_at > a.sent_at)) AS n"
            + " FROM campaign_charger a WHERE a.campaign_id = ? AND a.sent_at IS NOT NULL) x",
        id);
  }

  static int total(JsonNode campaign, String state) {
    return campaign.path("totals").path(state).asInt(-1);
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(body, e);
    }
  }

  @Test
  void aFirmwareCampaignInstallsEveryChargerWithNeverMoreThanItsConcurrencyInFlight()
      throws Exception {
    try (Sim sim = Sim.start(joule, "FW-", 30)) {
      Sim.awaitConnected(joule, "FW-", 30);
      JsonNode created =
          create(
              joule,
              "firmware",
              "{\"filter\":{\"idPrefix\":\"FW-\",\"connected\":true},"
                  + "\"location\":\"https://fw.example/images/ac-2.1.bin\",\"retries\":2,"
                  + "\"concurrency\":5,\"chargerTimeout\":120}");
      assertThat(created.path("chargers").asInt()).isEqualTo(30);
      assertThat(created.path("action").asText()).isEqualTo("UpdateFirmware");
      assertThat(created.path("payload").path("retries").asInt()).isEqualTo(2);
      long id = created.path("id").asLong();

      JsonNode done = awaitStatus(joule, id, "completed");

      assertThat(total(done, "installed")).as(done.toString()).isEqualTo(30);
      assertThat(done.path("inFlight").asInt()).isZero();
      assertThat(done.path("finishedAt").isNull()).isFalse();
      assertThat(maxInFlight(joule, id)).isEqualTo(5);
      assertThat(
              joule.count(
                  "SELECT count(*) FROM command WHERE action = 'UpdateFirmware'"
                      + " AND starts_with(charger_id, 'FW-') AND status = 'accepted'"))
          .isEqualTo(30);
      // the simulator rebooted into the new firmware: its BootNotification named it
      assertThat(
              joule.count(
                  "SELECT count(*) FROM charger WHERE starts_with(id, 'FW-')"
                      + " AND firmware_version = 'ac-2.1.bin'"))
          .isEqualTo(30);
      List<JsonNode> installed = chargers(joule, id, "installed", 7);
      assertThat(installed).hasSize(30);
      Set<String> ids = new HashSet<>();
      for (JsonNode charger : installed) {
        ids.add(charger.path("chargerId").asText());
        assertThat(charger.path("lastStatus").asText()).isEqualTo("Installed");
        assertThat(charger.path("commandId").isNull()).isFalse();
        assertThat(charger.path("attempts").asInt()).isEqualTo(1);
      }
      assertThat(ids).hasSize(30);
    }
  }

  @Test
  void pauseHoldsNewSendsResumeGoesOnAndCancelEndsThePendingChargers() throws Exception {
    try (Sim sim = Sim.start(joule, "PZ-", 12, "--firmware-steps", "400ms")) {
      Sim.awaitConnected(joule, "PZ-", 12);
      long id =
          create(
                  joule,
                  "firmware",
                  "{\"filter\":{\"idPrefix\":\"PZ-\"},\"location\":\"ftp://fw/pz.bin\","
                      + "\"concurrency\":2}")
              .path("id")
              .asLong();
      Await.until(() -> campaign(joule, id).path("inFlight").asInt() > 0, CAMPAIGN);
      HttpResponse<String> paused = joule.post("/api/v1/campaigns/" + id + "/pause", "");
      assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
      assertThat(read(paused.body()).path("status").asText()).isEqualTo("paused");
      assertThat(joule.post("/api/v1/campaigns/" + id + "/pause", "").statusCode()).isEqualTo(409);

      // the chargers in flight finish; nobody else gets a turn while paused
      Await.until(() -> campaign(joule, id).path("inFlight").asInt() == 0, CAMPAIGN);
      long turnedAtPause = turned(id);
      Thread.sleep(3_000); // three driver rounds: what must not happen cannot be awaited
      assertThat(turned(id)).isEqualTo(turnedAtPause);
      assertThat(total(campaign(joule, id), "pending")).isEqualTo(12 - (int) turnedAtPause);

      HttpResponse<String> resumed = joule.post("/api/v1/campaigns/" + id + "/resume", "");
      assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
      Await.until(() -> turned(id) > turnedAtPause, CAMPAIGN);

      HttpResponse<String> cancelled = joule.post("/api/v1/campaigns/" + id + "/cancel", "");
      assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
      JsonNode atCancel = read(cancelled.body());
      assertThat(atCancel.path("status").asText()).isEqualTo("cancelled");
      assertThat(total(atCancel, "pending")).isZero();
      assertThat(total(atCancel, "cancelled")).isPositive();
      long sent = turned(id);
      // those in flight at the cancel are still followed to their end
      Await.until(() -> campaign(joule, id).path("inFlight").asInt() == 0, CAMPAIGN);
      JsonNode end = campaign(joule, id);
      assertThat(end.path("status").asText()).isEqualTo("cancelled");
      assertThat(total(end, "installed") + total(end, "cancelled")).isEqualTo(12);
      assertThat(turned(id)).isEqualTo(sent);
      assertThat(joule.post("/api/v1/campaigns/" + id + "/resume", "").statusCode()).isEqualTo(409);
      assertThat(maxInFlight(joule, id)).isLessThanOrEqualTo(2);
    }
  }

  /** Chargers of the campaign whose turn came. */
  static long turned(long id) {
    return joule.count(
        "SELECT count(*) FROM campaign_charger WHERE campaign_id = ? AND sent_at IS NOT NULL", id);
  }

  @Test
  void aChargerThatNeverReportsTimesOutAndFailingChargersFail() throws Exception {
    try (Sim failing = Sim.start(joule, "FL-", 4, "--firmware-failures", "1");
        RawCharger silent = joule.charger("TO-1")) {
      Sim.awaitConnected(joule, "FL-", 4);
      long id =
          create(
                  joule,
                  "firmware",
                  "{\"chargerIds\":[\"TO-1\",\"FL-1\",\"FL-2\",\"FL-3\",\"FL-4\"],"
                      + "\"location\":\"ftp://fw/x.bin\",\"chargerTimeout\":3}")
              .path("id")
              .asLong();
      JsonNode call = read(silent.next());
      assertThat(call.get(2).asText()).isEqualTo("UpdateFirmware");
      silent.send("[3," + call.get(1) + ",{}]"); // accepted, and then nothing

      JsonNode done = awaitStatus(joule, id, "completed");
      assertThat(total(done, "timed-out")).as(done.toString()).isEqualTo(1);
      assertThat(total(done, "failed")).isEqualTo(4);
      JsonNode timedOut = chargers(joule, id, "timed-out", 50).getFirst();
      assertThat(timedOut.path("chargerId").asText()).isEqualTo("TO-1");
      assertThat(timedOut.path("error").asText()).contains("timeout");
      for (JsonNode failed : chargers(joule, id, "failed", 50)) {
        assertThat(failed.path("lastStatus").asText()).isIn("DownloadFailed", "InstallationFailed");
      }
    }
  }

  @Test
  void aRefusedSignedUpdateFailsTheChargerNamingTheRefusal() throws Exception {
    try (RawCharger refusing = joule.charger("RF-1")) {
      long id =
          create(
                  joule,
                  "signed-firmware",
                  "{\"chargerIds\":[\"RF-1\"],\"firmware\":{\"location\":\"https://fw/s.bin\","
                      + "\"signingCertificate\":\"CERT\",\"signature\":\"SIG\"}}")
              .path("id")
              .asLong();
      JsonNode call = read(refusing.next());
      assertThat(call.get(2).asText()).isEqualTo("SignedUpdateFirmware");
      assertThat(call.get(3).path("requestId").asInt()).isPositive();
      refusing.send("[3," + call.get(1) + ",{\"status\":\"InvalidCertificate\"}]");
      JsonNode done = awaitStatus(joule, id, "completed");
      assertThat(total(done, "failed")).isEqualTo(1);
      assertThat(chargers(joule, id, "failed", 50).getFirst().path("error").asText())
          .contains("rejected")
          .contains("InvalidCertificate");
    }
  }

  @Test
  void diagnosticsLogAndSignedFirmwareCampaignsComplete() throws Exception {
    try (Sim sim = Sim.start(joule, "DG-", 4)) {
      Sim.awaitConnected(joule, "DG-", 4);
      String chargers = "\"chargerIds\":[\"DG-1\",\"DG-2\",\"DG-3\",\"DG-4\"]";
      long diagnostics =
          create(
                  joule,
                  "diagnostics",
                  "{" + chargers + ",\"location\":\"ftp://up.example/diag/\",\"concurrency\":2}")
              .path("id")
              .asLong();
      long log =
          create(
                  joule,
                  "log",
                  "{"
                      + chargers
                      + ",\"logType\":\"SecurityLog\",\"log\":{\"remoteLocation\":\"ftp://up/\"}}")
              .path("id")
              .asLong();
      long signed =
          create(
                  joule,
                  "signed-firmware",
                  "{"
                      + chargers
                      + ",\"firmware\":{\"location\":\"https://fw/signed-3.bin\","
                      + "\"signingCertificate\":\"CERT\",\"signature\":\"SIG\"}}")
              .path("id")
              .asLong();

      assertThat(total(awaitStatus(joule, diagnostics, "completed"), "uploaded")).isEqualTo(4);
      assertThat(total(awaitStatus(joule, log, "completed"), "uploaded")).isEqualTo(4);
      assertThat(total(awaitStatus(joule, signed, "completed"), "installed")).isEqualTo(4);
      Set<Integer> requestIds = new HashSet<>();
      for (JsonNode charger : chargers(joule, log, null, 50)) {
        assertThat(charger.path("lastStatus").asText()).isEqualTo("Uploaded");
        requestIds.add(charger.path("requestId").asInt());
      }
      for (JsonNode charger : chargers(joule, signed, null, 50)) {
        assertThat(charger.path("lastStatus").asText()).isEqualTo("Installed");
        requestIds.add(charger.path("requestId").asInt());
      }
      assertThat(requestIds).hasSize(8);
      // the whitepaper's notifications are linked to their command (V10) as well
      assertThat(
              joule.count(
                  "SELECT count(*) FROM command_notification n JOIN campaign_charger c"
                      + " ON c.command_id = n.command_id WHERE c.campaign_id = ?",
                  log))
          .isEqualTo(8);
      assertThat(maxInFlight(joule, diagnostics)).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void aChargerNotConnectedAtItsTurnIsTriedAgainUntilItConnects() throws Exception {
    try (RawCharger once = joule.charger("OFF-1")) {
      once.send(
          "[2,\"b1\",\"BootNotification\",{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}]");
      read(once.next());
    }
    long id =
        create(
                joule,
                "firmware",
                "{\"chargerIds\":[\"OFF-1\"],\"location\":\"ftp://fw/off.bin\","
                    + "\"offlineRetryInterval\":1,\"chargerTimeout\":120}")
            .path("id")
            .asLong();
    Await.until(
        () -> chargers(joule, id, null, 50).getFirst().path("attempts").asInt() >= 2, CAMPAIGN);
    JsonNode waiting = chargers(joule, id, null, 50).getFirst();
    assertThat(waiting.path("state").asText()).isIn("pending", "sent");
    assertThat(waiting.path("error").asText()).contains("not connected");
    assertThat(
            joule.count(
                "SELECT count(*) FROM command WHERE charger_id = 'OFF-1' AND status = 'offline'"))
        .isGreaterThanOrEqualTo(1);
    try (Sim sim = Sim.start(joule, "OFF-", 1)) {
      JsonNode done = awaitStatus(joule, id, "completed");
      assertThat(total(done, "installed")).isEqualTo(1);
    }
  }

  @Test
  void badRequestsAreRefusedWithAMessage() {
    HttpResponse<String> unknown =
        joule.post(
            "/api/v1/campaigns/firmware",
            "{\"chargerIds\":[\"NOPE-1\"],\"location\":\"ftp://fw/x.bin\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("chargerIds").contains("NOPE-1");
    HttpResponse<String> none =
        joule.post(
            "/api/v1/campaigns/diagnostics",
            "{\"filter\":{\"idPrefix\":\"NOBODY-\"},\"location\":\"ftp://up/\"}");
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("no charger matches");
    assertThat(joule.get("/api/v1/campaigns/999999").statusCode()).isEqualTo(404);
    assertThat(joule.get("/api/v1/campaigns?status=sleeping").statusCode()).isEqualTo(400);
    assertThat(joule.get("/api/v1/campaigns/1/chargers?state=asleep").statusCode()).isEqualTo(400);
    assertThat(joule.post("/api/v1/campaigns/999999/cancel", "").statusCode()).isEqualTo(404);
  }

  @Test
  void theIndependentClientTakesPartInAFirmwareCampaign() throws Exception {
    try (ChargetimeFirmware client = ChargetimeFirmware.connect(joule, "CT-FW-1")) {
      long id =
          create(
                  joule,
                  "firmware",
                  "{\"chargerIds\":[\"CT-FW-1\"],\"location\":\"https://fw/ct.bin\"}")
              .path("id")
              .asLong();
      JsonNode done = awaitStatus(joule, id, "completed");
      assertThat(total(done, "installed")).as(done.toString()).isEqualTo(1);
      assertThat(client.updates()).containsExactly("https://fw/ct.bin");
    }
  }
}
