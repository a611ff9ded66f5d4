package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local authorization lists Joule keeps (OCPP 1.6 §5.10, §5.15) with real WebSocket chargers: the
 * version asked when unknown and on reconnect, Full then Differential, a split by
 * SendLocalListMaxLength, a full resend after Failed or VersionMismatch.
 */
class LocalListsIT {
  @TempDir static Path dataDir;
  static JouleServer joule;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir, "call-timeout", "5s");
    for (String tag : List.of("LL-A", "LL-B", "LL-D", "LL-E")) {
      assertThat(joule.put("/api/v1/id-tags/" + tag, "{\"status\":\"Accepted\"}").statusCode())
          .isEqualTo(201);
    }
    assertThat(
            joule
                .put("/api/v1/id-tags/LL-C", "{\"status\":\"Blocked\",\"parentIdTag\":\"LL-P\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  /** The next CALL Joule sends, checked to be {@code action}. */
  static JsonNode expect(RawCharger charger, String action) throws Exception {
    JsonNode call = JSON.readTree(charger.next());
    assertThat(call.get(2).asText()).as(call.toString()).isEqualTo(action);
    return call;
  }

  /**
   * The next SendLocalList. A GetLocalListVersion before it is answered with the version the
   * charger accepted last, as Joule shows it: Joule asks whenever a charger with a list connects,
   * and that check may come after a list was put right after connecting.
   */
  static JsonNode expectSend(RawCharger charger, String chargerId) throws Exception {
    while (true) {
      JsonNode call = JSON.readTree(charger.next());
      if (!call.get(2).asText().equals("GetLocalListVersion")) {
        assertThat(call.get(2).asText()).as(call.toString()).isEqualTo("SendLocalList");
        return call;
      }
      JsonNode version = list(chargerId).path("listVersion");
      answer(charger, call, "{\"listVersion\":" + (version.isNull() ? 0 : version.asInt()) + "}");
    }
  }

  static void answer(RawCharger charger, JsonNode call, String payload) {
    charger.send("[3," + call.get(1) + "," + payload + "]");
  }

  static HttpResponse<String> putList(String chargerId, String body) {
    return joule.put("/api/v1/chargers/" + chargerId + "/local-list", body);
  }

  static JsonNode list(String chargerId) {
    try {
      return JSON.readTree(joule.get("/api/v1/chargers/" + chargerId + "/local-list").body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode awaitInSync(String chargerId, int version) {
    Await.until(
        () -> {
          JsonNode list = list(chargerId);
          return list.path("state").asText().equals("in-sync")
              && list.path("listVersion").asInt() == version;
        });
    return list(chargerId);
  }

  static List<String> entries(JsonNode sendLocalList) {
    List<String> entries = new ArrayList<>();
    for (JsonNode entry : sendLocalList.get(3).path("localAuthorizationList")) {
      JsonNode info = entry.path("idTagInfo");
      entries.add(
          entry.path("idTag").asText()
              + (info.isMissingNode() ? "-" : ":" + info.path("status").asText()));
    }
    return entries;
  }

  @Test
  void aListGoesFullFirstThenAsDifferencesAndIsShownInSync() throws Exception {
    try (RawCharger charger = joule.charger("CP-LL-1")) {
      HttpResponse<String> put = putList("CP-LL-1", "{\"idTags\":[\"ll-a\",\"LL-B\"]}");
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(JSON.readTree(put.body()).path("idTags").toString())
          .isEqualTo("[\"LL-A\",\"LL-B\"]");
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":0}");
      JsonNode full = expectSend(charger, "CP-LL-1");
      assertThat(full.get(3).path("updateType").asText()).isEqualTo("Full");
      assertThat(full.get(3).path("listVersion").asInt()).isEqualTo(1);
      assertThat(entries(full)).containsExactly("LL-A:Accepted", "LL-B:Accepted");
      answer(charger, full, "{\"status\":\"Accepted\"}");
      assertThat(awaitInSync("CP-LL-1", 1).path("held").toString())
          .isEqualTo("[\"LL-A\",\"LL-B\"]");

      assertThat(putList("CP-LL-1", "{\"idTags\":[\"LL-A\",\"LL-C\"]}").statusCode())
          .isEqualTo(200);
      JsonNode differential = expectSend(charger, "CP-LL-1");
      assertThat(differential.get(3).path("updateType").asText()).isEqualTo("Differential");
      assertThat(differential.get(3).path("listVersion").asInt()).isEqualTo(2);
      assertThat(entries(differential)).containsExactly("LL-C:Blocked", "LL-B-");
      assertThat(differential.get(3).at("/localAuthorizationList/0/idTagInfo/parentIdTag").asText())
          .isEqualTo("LL-P");
      answer(charger, differential, "{\"status\":\"Accepted\"}");
      assertThat(awaitInSync("CP-LL-1", 2).path("held").toString())
          .isEqualTo("[\"LL-A\",\"LL-C\"]");
    }
  }

  @Test
  void aChargerBehindAfterAReconnectGetsTheFullListAndVersionMismatchSendsItAgain()
      throws Exception {
    try (RawCharger charger = joule.charger("CP-LL-2")) {
      putList("CP-LL-2", "{\"idTags\":[\"LL-A\"]}");
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":0}");
      answer(charger, expectSend(charger, "CP-LL-2"), "{\"status\":\"Accepted\"}");
      awaitInSync("CP-LL-2", 1);
    }
    try (RawCharger charger = joule.charger("CP-LL-2")) {
      // it lost its list while away
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":0}");
      JsonNode again = expectSend(charger, "CP-LL-2");
      assertThat(again.get(3).path("updateType").asText()).isEqualTo("Full");
      assertThat(entries(again)).containsExactly("LL-A:Accepted");
      answer(charger, again, "{\"status\":\"Accepted\"}");
      awaitInSync("CP-LL-2", 1);

      putList("CP-LL-2", "{\"idTags\":[\"LL-A\",\"LL-B\"]}");
      JsonNode differential = expectSend(charger, "CP-LL-2");
      assertThat(differential.get(3).path("updateType").asText()).isEqualTo("Differential");
      answer(charger, differential, "{\"status\":\"VersionMismatch\"}");
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":5}");
      JsonNode full = expectSend(charger, "CP-LL-2");
      assertThat(full.get(3).path("updateType").asText()).isEqualTo("Full");
      assertThat(full.get(3).path("listVersion").asInt()).isEqualTo(6);
      assertThat(entries(full)).containsExactly("LL-A:Accepted", "LL-B:Accepted");
      answer(charger, full, "{\"status\":\"Accepted\"}");
      awaitInSync("CP-LL-2", 6);
    }
  }

  @Test
  void aListLongerThanSendLocalListMaxLengthIsSplitAndFailedSendsTheWholeListAgain()
      throws Exception {
    try (RawCharger charger = joule.charger("CP-LL-3")) {
      CompletableFuture<HttpResponse<String>> configuration =
          CompletableFuture.supplyAsync(
              () ->
                  joule.post("/api/v1/chargers/CP-LL-3/commands/GetConfiguration?wait=10s", "{}"));
      answer(
          charger,
          expect(charger, "GetConfiguration"),
          "{\"configurationKey\":[{\"key\":\"SendLocalListMaxLength\",\"readonly\":true,"
              + "\"value\":\"2\"},{\"key\":\"LocalAuthListMaxLength\",\"readonly\":true,"
              + "\"value\":\"3\"}]}");
      assertThat(configuration.join().statusCode()).isEqualTo(200);

      HttpResponse<String> tooMany =
          putList("CP-LL-3", "{\"idTags\":[\"LL-A\",\"LL-B\",\"LL-D\",\"LL-E\"]}");
      assertThat(tooMany.statusCode()).isEqualTo(400);
      assertThat(tooMany.body()).contains("idTags", "LocalAuthListMaxLength", "at most 3");

      putList("CP-LL-3", "{\"idTags\":[\"LL-A\",\"LL-B\",\"LL-D\"]}");
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":3}");
      JsonNode failed = expectSend(charger, "CP-LL-3");
      answer(charger, failed, "{\"status\":\"Failed\"}");
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":3}");
      JsonNode first = expectSend(charger, "CP-LL-3");
      assertThat(first.get(3).path("updateType").asText()).isEqualTo("Full");
      assertThat(first.get(3).path("listVersion").asInt()).isEqualTo(4);
      assertThat(entries(first)).containsExactly("LL-A:Accepted", "LL-B:Accepted");
      answer(charger, first, "{\"status\":\"Accepted\"}");
      JsonNode second = expectSend(charger, "CP-LL-3");
      assertThat(second.get(3).path("updateType").asText()).isEqualTo("Differential");
      assertThat(second.get(3).path("listVersion").asInt()).isEqualTo(5);
      assertThat(entries(second)).containsExactly("LL-D:Accepted");
      answer(charger, second, "{\"status\":\"Accepted\"}");
      assertThat(awaitInSync("CP-LL-3", 5).path("held").size()).isEqualTo(3);
    }
  }

  @Test
  void aChangedOrDeletedIdTagIsSentAgainToTheListsThatHoldIt() throws Exception {
    assertThat(joule.put("/api/v1/id-tags/LL-F", "{\"status\":\"Accepted\"}").statusCode())
        .isEqualTo(201);
    try (RawCharger charger = joule.charger("CP-LL-6")) {
      putList("CP-LL-6", "{\"idTags\":[\"LL-A\",\"LL-F\"]}");
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":0}");
      answer(charger, expectSend(charger, "CP-LL-6"), "{\"status\":\"Accepted\"}");
      awaitInSync("CP-LL-6", 1);

      assertThat(joule.put("/api/v1/id-tags/LL-F", "{\"status\":\"Blocked\"}").statusCode())
          .isEqualTo(200);
      JsonNode blocked = expectSend(charger, "CP-LL-6");
      assertThat(blocked.get(3).path("updateType").asText()).isEqualTo("Differential");
      assertThat(entries(blocked)).containsExactly("LL-F:Blocked");
      answer(charger, blocked, "{\"status\":\"Accepted\"}");
      awaitInSync("CP-LL-6", 2);

      assertThat(joule.delete("/api/v1/id-tags/LL-F").statusCode()).isEqualTo(204);
      JsonNode removed = expectSend(charger, "CP-LL-6");
      assertThat(entries(removed)).containsExactly("LL-F-");
      answer(charger, removed, "{\"status\":\"Accepted\"}");
      assertThat(awaitInSync("CP-LL-6", 3).path("held").toString()).isEqualTo("[\"LL-A\"]");
    }
  }

  @Test
  void aGroupsListFollowsTheGroupAsTagsJoinLeaveAndAreDeleted() throws Exception {
    for (String tag : List.of("GR-1", "GR-2")) {
      assertThat(
              joule
                  .put(
                      "/api/v1/id-tags/" + tag,
                      "{\"status\":\"Accepted\",\"parentIdTag\":\"FLEET\"}")
                  .statusCode())
          .isEqualTo(201);
    }
    try (RawCharger charger = joule.charger("CP-LL-7")) {
      HttpResponse<String> put = putList("CP-LL-7", "{\"group\":\"fleet\"}");
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      assertThat(JSON.readTree(put.body()).path("group").asText()).isEqualTo("fleet");
      assertThat(JSON.readTree(put.body()).path("idTags").toString())
          .isEqualTo("[\"GR-1\",\"GR-2\"]");
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":0}");
      JsonNode full = expectSend(charger, "CP-LL-7");
      assertThat(full.get(3).path("updateType").asText()).isEqualTo("Full");
      assertThat(entries(full)).containsExactly("GR-1:Accepted", "GR-2:Accepted");
      answer(charger, full, "{\"status\":\"Accepted\"}");
      awaitInSync("CP-LL-7", 1);

      // A tag joins the group: sent as an addition.
      joule.put("/api/v1/id-tags/GR-3", "{\"status\":\"Accepted\",\"parentIdTag\":\"FLEET\"}");
      JsonNode joined = expectSend(charger, "CP-LL-7");
      assertThat(joined.get(3).path("updateType").asText()).isEqualTo("Differential");
      assertThat(entries(joined)).containsExactly("GR-3:Accepted");
      answer(charger, joined, "{\"status\":\"Accepted\"}");
      awaitInSync("CP-LL-7", 2);

      // One leaves it (another parent), one is deleted: both removed from the charger.
      joule.put("/api/v1/id-tags/GR-1", "{\"status\":\"Accepted\",\"parentIdTag\":\"OTHER\"}");
      JsonNode left = expectSend(charger, "CP-LL-7");
      assertThat(entries(left)).containsExactly("GR-1-");
      answer(charger, left, "{\"status\":\"Accepted\"}");
      awaitInSync("CP-LL-7", 3);
      assertThat(joule.delete("/api/v1/id-tags/GR-2").statusCode()).isEqualTo(204);
      JsonNode deleted = expectSend(charger, "CP-LL-7");
      assertThat(entries(deleted)).containsExactly("GR-2-");
      answer(charger, deleted, "{\"status\":\"Accepted\"}");
      JsonNode shown = awaitInSync("CP-LL-7", 4);
      assertThat(shown.path("held").toString()).isEqualTo("[\"GR-3\"]");
      assertThat(shown.path("idTags").toString()).isEqualTo("[\"GR-3\"]");
      assertThat(shown.path("group").asText()).isEqualTo("fleet");

      // Named tags again: the list no longer follows the group.
      assertThat(putList("CP-LL-7", "{\"idTags\":[\"GR-3\"]}").statusCode()).isEqualTo(200);
      assertThat(list("CP-LL-7").path("group").isNull()).isTrue();
    }
  }

  @Test
  void aChargerThatDoesNotSupportLocalListsIsShownSo() throws Exception {
    try (RawCharger charger = joule.charger("CP-LL-4")) {
      putList("CP-LL-4", "{\"idTags\":[\"LL-A\"]}");
      answer(charger, expect(charger, "GetLocalListVersion"), "{\"listVersion\":0}");
      answer(charger, expectSend(charger, "CP-LL-4"), "{\"status\":\"NotSupported\"}");
      Await.until(() -> list("CP-LL-4").path("state").asText().equals("notsupported"));
      assertThat(list("CP-LL-4").path("detail").asText()).contains("NotSupported");
    }
  }

  @Test
  void badLocalListRequestsAre4xx() {
    try (RawCharger charger = joule.charger("CP-LL-5")) {
      HttpResponse<String> group = putList("CP-LL-5", "{\"group\":\"NO-SUCH-GROUP\"}");
      assertThat(group.statusCode()).isEqualTo(400);
      assertThat(group.body()).contains("group").contains("no id tag has parentIdTag");
      HttpResponse<String> both = putList("CP-LL-5", "{\"group\":\"LL-P\",\"idTags\":[]}");
      assertThat(both.statusCode()).isEqualTo(400);
      assertThat(both.body()).contains("either idTags or group");
      HttpResponse<String> unknown = putList("CP-LL-5", "{\"idTags\":[\"LL-A\",\"NOBODY\"]}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("NOBODY");
      assertThat(putList("CP-LL-5", "{\"idTags\":\"LL-A\"}").statusCode()).isEqualTo(400);
      assertThat(putList("CP-NOBODY", "{\"idTags\":[\"LL-A\"]}").statusCode()).isEqualTo(404);
      assertThat(joule.get("/api/v1/chargers/CP-LL-5/local-list").statusCode()).isEqualTo(404);
    }
  }
}
