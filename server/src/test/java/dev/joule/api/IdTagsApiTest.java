package dev.joule.api;

import static dev.joule.api.ApiFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.api.ApiFixture.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Integration test: {@code /api/v1/id-tags} over real PostgreSQL and a real HTTP server. */
@Timeout(60)
class IdTagsApiTest {
  private static ApiFixture api;

  @BeforeAll
  static void start() throws Exception {
    api = ApiFixture.start();
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  @BeforeEach
  void reset() throws Exception {
    api.reset();
  }

  @Test
  void putCreatesTagAnswering201WithLocation() {
    Response response =
        api.put(
            "/api/v1/id-tags/AbC123",
            """
            {"status": "Accepted", "expiryDate": "2027-01-01T00:00:00Z", "parentIdTag": "FLEET"}
            """);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Location")).contains("/api/v1/id-tags/AbC123");
    JsonNode tag = response.json();
    assertThat(tag.get("idTag").asText()).isEqualTo("AbC123");
    assertThat(tag.get("status").asText()).isEqualTo("Accepted");
    assertThat(tag.get("expiryDate").asText()).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(tag.get("parentIdTag").asText()).isEqualTo("FLEET");
    assertThat(tag.get("createdAt").asText()).isEqualTo(NOW.toString());
    assertThat(tag.get("updatedAt").asText()).isEqualTo(NOW.toString());
  }

  @Test
  void getFindsTagWhateverTheCase() {
    api.put("/api/v1/id-tags/AbC123", "{\"status\": \"Blocked\"}");

    Response response = api.get("/api/v1/id-tags/abc123");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("idTag").asText()).isEqualTo("AbC123");
    assertThat(response.json().get("status").asText()).isEqualTo("Blocked");
    assertThat(response.json().get("expiryDate").isNull()).isTrue();
    assertThat(response.json().get("parentIdTag").isNull()).isTrue();
  }

  @Test
  void putInOtherCaseReplacesTheOneTagKeepingCreatedAt() {
    Instant created = NOW.minusSeconds(3600);
    api.sql(
        "INSERT INTO id_tag (id_tag, status, parent_id_tag, created_at, updated_at)"
            + " VALUES ('abc123', 'Accepted', 'FLEET', ?, ?)",
        created,
        created);

    Response response = api.put("/api/v1/id-tags/ABC123", "{\"status\": \"Expired\"}");

    assertThat(response.status()).isEqualTo(200);
    JsonNode tag = response.json();
    assertThat(tag.get("idTag").asText()).isEqualTo("ABC123");
    assertThat(tag.get("status").asText()).isEqualTo("Expired");
    assertThat(tag.get("parentIdTag").isNull()).isTrue();
    assertThat(tag.get("createdAt").asText()).isEqualTo(created.toString());
    assertThat(tag.get("updatedAt").asText()).isEqualTo(NOW.toString());
    assertThat(api.get("/api/v1/id-tags").json().get("items")).hasSize(1);
  }

  @Test
  void fetchedTagCanBePutBackAsItIs() {
    api.put("/api/v1/id-tags/TAG-1", "{\"status\": \"Accepted\", \"parentIdTag\": \"P\"}");
    String fetched = api.get("/api/v1/id-tags/TAG-1").body();

    Response response = api.put("/api/v1/id-tags/tag-1", fetched);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("parentIdTag").asText()).isEqualTo("P");
  }

  @Test
  void deleteRemovesTagWhateverTheCase() {
    api.put("/api/v1/id-tags/TAG-1", "{\"status\": \"Accepted\"}");

    Response deleted = api.delete("/api/v1/id-tags/tag-1");

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(api.get("/api/v1/id-tags/TAG-1").status()).isEqualTo(404);
    Response again = api.delete("/api/v1/id-tags/TAG-1");
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.error()).isEqualTo("idTag 'TAG-1' not found");
  }

  @Test
  void unknownTagIs404() {
    Response response = api.get("/api/v1/id-tags/NOPE");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.error()).isEqualTo("idTag 'NOPE' not found");
  }

  @Test
  void listIsCaseInsensitiveOrderAndPaged() {
    for (String tag : List.of("delta", "Bravo", "alpha", "Echo", "charlie")) {
      api.put("/api/v1/id-tags/" + tag, "{\"status\": \"Accepted\"}");
    }
    List<String> seen = new ArrayList<>();
    String path = "/api/v1/id-tags?limit=2";
    int pages = 0;
    while (path != null) {
      JsonNode page = api.get(path).json();
      pages++;
      page.get("items").forEach(item -> seen.add(item.get("idTag").asText()));
      path =
          page.get("next").isNull()
              ? null
              : "/api/v1/id-tags?limit=2&cursor=" + page.get("next").asText();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("alpha", "Bravo", "charlie", "delta", "Echo");
  }

  @Test
  void twentyCharacterTagIsAcceptedTwentyOneIsNot() {
    String twenty = "A".repeat(20);

    assertThat(api.put("/api/v1/id-tags/" + twenty, "{\"status\": \"Accepted\"}").status())
        .isEqualTo(201);
    Response tooLong = api.put("/api/v1/id-tags/" + twenty + "B", "{\"status\": \"Accepted\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.error()).isEqualTo("idTag: must be 1 to 20 characters, got 21");
  }

  @Test
  void invalidBodiesAre400NamingTheField() {
    assertBadPut("{}", "status: is required");
    assertBadPut(
        "{\"status\": \"ConcurrentTx\"}",
        "status: 'ConcurrentTx' is not one of Accepted, Blocked, Expired, Invalid");
    assertBadPut("{\"status\": \"accepted\"}", "status: 'accepted' is not one of");
    assertBadPut("{\"status\": 1}", "status: must be a string");
    assertBadPut(
        "{\"status\": \"Accepted\", \"expiryDate\": \"tomorrow\"}",
        "expiryDate: 'tomorrow' is not an ISO-8601 instant");
    assertBadPut(
        "{\"status\": \"Accepted\", \"parentIdTag\": \"" + "P".repeat(21) + "\"}",
        "parentIdTag: must be 1 to 20 characters, got 21");
    assertBadPut("{\"status\": \"Accepted\", \"parentIdTag\": \"\"}", "parentIdTag: must be 1");
    assertBadPut("{\"status\": \"Accepted\", \"colour\": \"red\"}", "colour: unknown field");
    assertBadPut("{\"status\": \"Accepted\", \"idTag\": \"OTHER\"}", "idTag: must be the idTag");
    assertBadPut("[]", "body: must be a JSON object");
    assertBadPut("{\"status\": ", "body: not valid JSON");
    assertBadPut("", "body: must be a JSON object");
    assertBadPut(
        "{\"status\": \"Accepted\", \"status\": \"Blocked\"}", "body: not valid JSON (Duplicate");
    assertThat(api.get("/api/v1/id-tags").json().get("items")).isEmpty();
  }

  @Test
  void oversizedBodyIs413() {
    String body = "{\"status\": \"Accepted\", \"pad\": \"" + "x".repeat(10_000) + "\"}";

    Response response = api.put("/api/v1/id-tags/TAG", body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.error()).isEqualTo("request body too large");
  }

  private static void assertBadPut(String body, String error) {
    Response response = api.put("/api/v1/id-tags/TAG-1", body);
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.error()).as(body).startsWith(error);
  }
}
