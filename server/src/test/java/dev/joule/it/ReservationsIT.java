package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reservations through {@code /api/v1/reservations} with real WebSocket chargers: ReserveNow sent
 * with Joule's id, the answer, use by a StartTransaction, expiry, cancellation (OCPP 1.6 §5.13).
 */
class ReservationsIT {
  @TempDir static Path dataDir;
  static JouleServer joule;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir, "call-timeout", "5s");
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  static String body(String chargerId, int connectorId, String idTag, Instant expiry) {
    return "{\"chargerId\":\"%s\",\"connectorId\":%d,\"idTag\":\"%s\",\"expiryDate\":\"%s\"}"
        .formatted(chargerId, connectorId, idTag, expiry);
  }

  static Instant inAnHour() {
    return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Posts the reservation, checks the ReserveNow the charger gets, answers it with {@code status}.
   */
  static JsonNode reserve(RawCharger charger, String body, String status) throws Exception {
    HttpResponse<String> created = joule.post("/api/v1/reservations", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode reservation = JSON.readTree(created.body());
    int id = reservation.path("id").asInt();
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/reservations/" + id);
    JsonNode call = JSON.readTree(charger.next());
    assertThat(call.get(2).asText()).isEqualTo("ReserveNow");
    assertThat(call.get(3).path("reservationId").asInt()).isEqualTo(id);
    assertThat(call.get(3).path("idTag").asText()).isEqualTo(reservation.path("idTag").asText());
    charger.send("[3," + call.get(1) + ",{\"status\":\"" + status + "\"}]");
    return reservation;
  }

  /**
   * DELETE with ?wait=10s, answering the CancelReservation the charger gets with {@code status}.
   */
  static HttpResponse<String> cancel(RawCharger charger, int id, String status) throws Exception {
    CompletableFuture<HttpResponse<String>> deleting =
        CompletableFuture.supplyAsync(
            () -> joule.delete("/api/v1/reservations/" + id + "?wait=10s"));
    JsonNode call = JSON.readTree(charger.next());
    assertThat(call.get(2).asText()).isEqualTo("CancelReservation");
    assertThat(call.get(3).path("reservationId").asInt()).isEqualTo(id);
    charger.send("[3," + call.get(1) + ",{\"status\":\"" + status + "\"}]");
    return deleting.join();
  }

  static JsonNode reservation(int id) {
    try {
      HttpResponse<String> response = joule.get("/api/v1/reservations/" + id);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode awaitStatus(int id, String status) {
    Await.until(() -> reservation(id).path("status").asText().equals(status));
    return reservation(id);
  }

  static int startTransaction(RawCharger charger, String payload) throws Exception {
    String answer =
        charger.call("[2,\"st-" + System.nanoTime() + "\",\"StartTransaction\"," + payload + "]");
    return JSON.readTree(answer).get(2).path("transactionId").asInt();
  }

  @Test
  void anAcceptedReservationIsUsedByTheStartTransactionNamingItAndLinksTheTransaction()
      throws Exception {
    try (RawCharger charger = joule.charger("CP-RSV-1")) {
      JsonNode created = reserve(charger, body("CP-RSV-1", 1, "TAG-R1", inAnHour()), "Accepted");
      assertThat(created.path("status").asText()).isEqualTo("pending");
      int id = created.path("id").asInt();
      JsonNode reserved = awaitStatus(id, "reserved");
      long commandId = reserved.path("commandId").asLong();
      JsonNode command = JSON.readTree(joule.get("/api/v1/commands/" + commandId).body());
      assertThat(command.path("action").asText()).isEqualTo("ReserveNow");
      assertThat(command.path("status").asText()).isEqualTo("accepted");

      int transactionId =
          startTransaction(
              charger,
              "{\"connectorId\":1,\"idTag\":\"TAG-R1\",\"meterStart\":0,"
                  + "\"timestamp\":\"%s\",\"reservationId\":%d}".formatted(Instant.now(), id));
      JsonNode used = reservation(id);
      assertThat(used.path("status").asText()).isEqualTo("used");
      assertThat(used.path("transactionId").asInt()).isEqualTo(transactionId);
    }
  }

  @Test
  void aStartBeforeTheReserveNowAnswerIsRecordedStaysLinked() throws Exception {
    try (RawCharger charger = joule.charger("CP-RSV-10")) {
      HttpResponse<String> created =
          joule.post("/api/v1/reservations", body("CP-RSV-10", 1, "TAG-R10", inAnHour()));
      int id = JSON.readTree(created.body()).path("id").asInt();
      JsonNode reserveNow = JSON.readTree(charger.next());
      // the charger starts on the reservation before Joule has its answer (the calls cross)
      int transactionId =
          startTransaction(
              charger,
              "{\"connectorId\":1,\"idTag\":\"TAG-R10\",\"meterStart\":0,"
                  + "\"timestamp\":\"%s\",\"reservationId\":%d}".formatted(Instant.now(), id));
      assertThat(reservation(id).path("status").asText()).isEqualTo("used");
      charger.send("[3," + reserveNow.get(1) + ",{\"status\":\"Accepted\"}]");
      long commandId = reservation(id).path("commandId").asLong();
      Await.until(
          () ->
              joule
                  .get("/api/v1/commands/" + commandId)
                  .body()
                  .contains("\"status\":\"accepted\""));
      JsonNode used = reservation(id);
      assertThat(used.path("status").asText()).isEqualTo("used");
      assertThat(used.path("transactionId").asInt()).isEqualTo(transactionId);
    }
  }

  @Test
  void aReservationWithAParentIsUsedByAnotherTagOfThatParentOnAnyConnector() throws Exception {
    assertThat(
            joule
                .put(
                    "/api/v1/id-tags/TAG-KID",
                    "{\"status\":\"Accepted\",\"parentIdTag\":\"FLEET-R\"}")
                .statusCode())
        .isIn(200, 201);
    try (RawCharger charger = joule.charger("CP-RSV-2")) {
      String body =
          "{\"chargerId\":\"CP-RSV-2\",\"idTag\":\"TAG-BOSS\",\"parentIdTag\":\"FLEET-R\","
              + "\"expiryDate\":\"%s\"}".formatted(inAnHour());
      int id = reserve(charger, body, "Accepted").path("id").asInt();
      assertThat(awaitStatus(id, "reserved").path("connectorId").asInt()).isZero();
      // another tag without that parent does not use it
      startTransaction(
          charger,
          "{\"connectorId\":2,\"idTag\":\"TAG-STRANGER\",\"meterStart\":0,\"timestamp\":\"%s\"}"
              .formatted(Instant.now()));
      assertThat(reservation(id).path("status").asText()).isEqualTo("reserved");
      int transactionId =
          startTransaction(
              charger,
              "{\"connectorId\":2,\"idTag\":\"tag-kid\",\"meterStart\":0,\"timestamp\":\"%s\"}"
                  .formatted(Instant.now()));
      JsonNode used = reservation(id);
      assertThat(used.path("status").asText()).isEqualTo("used");
      assertThat(used.path("transactionId").asInt()).isEqualTo(transactionId);
    }
  }

  @Test
  void aReserveNowAnsweredOccupiedLeavesTheReservationOccupied() throws Exception {
    try (RawCharger charger = joule.charger("CP-RSV-3")) {
      int id =
          reserve(charger, body("CP-RSV-3", 2, "TAG-R3", inAnHour()), "Occupied")
              .path("id")
              .asInt();
      awaitStatus(id, "occupied");
      HttpResponse<String> cancel = joule.delete("/api/v1/reservations/" + id);
      assertThat(cancel.statusCode()).isEqualTo(409);
      assertThat(cancel.body()).contains("occupied");
    }
  }

  @Test
  void aReservationExpiresAtItsExpiryDate() throws Exception {
    try (RawCharger charger = joule.charger("CP-RSV-4")) {
      Instant soon = Instant.now().plusSeconds(2);
      int id = reserve(charger, body("CP-RSV-4", 1, "TAG-R4", soon), "Accepted").path("id").asInt();
      // not awaiting "reserved" first: on a slow machine it may already have expired
      Await.until(
          () -> reservation(id).path("status").asText().equals("expired"), Duration.ofSeconds(15));
      long commandId = reservation(id).path("commandId").asLong();
      assertThat(
              JSON.readTree(joule.get("/api/v1/commands/" + commandId).body())
                  .path("status")
                  .asText())
          .isEqualTo("accepted");
      assertThat(Instant.parse(reservation(id).path("updatedAt").asText())).isAfterOrEqualTo(soon);
      // a start after the expiry does not use it
      startTransaction(
          charger,
          "{\"connectorId\":1,\"idTag\":\"TAG-R4\",\"meterStart\":0,\"timestamp\":\"%s\"}"
              .formatted(Instant.now()));
      JsonNode expired = reservation(id);
      assertThat(expired.path("status").asText()).isEqualTo("expired");
      assertThat(expired.path("transactionId").isNull()).isTrue();
    }
  }

  @Test
  void deleteSendsCancelReservationAndTheReservationIsCancelledOnceAccepted() throws Exception {
    try (RawCharger charger = joule.charger("CP-RSV-5")) {
      int id =
          reserve(charger, body("CP-RSV-5", 1, "TAG-R5", inAnHour()), "Accepted")
              .path("id")
              .asInt();
      awaitStatus(id, "reserved");
      HttpResponse<String> deleted = cancel(charger, id, "Accepted");
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      JsonNode answer = JSON.readTree(deleted.body());
      assertThat(answer.path("reservation").path("status").asText()).isEqualTo("cancelled");
      assertThat(answer.path("command").path("action").asText()).isEqualTo("CancelReservation");
      assertThat(reservation(id).path("commandId").asLong())
          .isEqualTo(answer.path("command").path("id").asLong());
      assertThat(joule.delete("/api/v1/reservations/" + id).statusCode()).isEqualTo(409);
    }
  }

  @Test
  void aCancelReservationRejectedKeepsTheReservation() throws Exception {
    try (RawCharger charger = joule.charger("CP-RSV-6")) {
      int id =
          reserve(charger, body("CP-RSV-6", 1, "TAG-R6", inAnHour()), "Accepted")
              .path("id")
              .asInt();
      awaitStatus(id, "reserved");
      HttpResponse<String> deleted = cancel(charger, id, "Rejected");
      assertThat(deleted.statusCode()).isEqualTo(202);
      assertThat(JSON.readTree(deleted.body()).path("command").path("status").asText())
          .isEqualTo("rejected");
      assertThat(reservation(id).path("status").asText()).isEqualTo("reserved");
    }
  }

  @Test
  void aReservationForADisconnectedChargerFails() throws Exception {
    try (RawCharger charger = joule.charger("CP-RSV-7")) {
      charger.close();
    }
    Await.until(
        () -> joule.get("/api/v1/chargers/CP-RSV-7").body().contains("\"connected\":false"));
    HttpResponse<String> created =
        joule.post("/api/v1/reservations", body("CP-RSV-7", 1, "TAG-R7", inAnHour()));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode failed = awaitStatus(JSON.readTree(created.body()).path("id").asInt(), "failed");
    JsonNode command =
        JSON.readTree(joule.get("/api/v1/commands/" + failed.path("commandId").asLong()).body());
    assertThat(command.path("status").asText()).isEqualTo("offline");
  }

  @Test
  void reservationsAreListedNewestFirstFilteredAndPaged() throws Exception {
    try (RawCharger charger = joule.charger("CP-RSV-8")) {
      int first =
          reserve(charger, body("CP-RSV-8", 1, "TAG-L1", inAnHour()), "Accepted")
              .path("id")
              .asInt();
      int second =
          reserve(charger, body("CP-RSV-8", 2, "TAG-L2", inAnHour()), "Rejected")
              .path("id")
              .asInt();
      awaitStatus(second, "rejected");
      assertThat(second).isGreaterThan(first);
      JsonNode page =
          JSON.readTree(joule.get("/api/v1/reservations?chargerId=CP-RSV-8&limit=1").body());
      assertThat(page.path("items").get(0).path("id").asInt()).isEqualTo(second);
      String next = page.path("next").asText();
      JsonNode rest =
          JSON.readTree(
              joule.get("/api/v1/reservations?chargerId=CP-RSV-8&limit=1&cursor=" + next).body());
      assertThat(rest.path("items").get(0).path("id").asInt()).isEqualTo(first);
      assertThat(rest.path("next").isNull()).isTrue();
      JsonNode rejected =
          JSON.readTree(
              joule.get("/api/v1/reservations?chargerId=CP-RSV-8&status=rejected").body());
      assertThat(rejected.path("items").size()).isEqualTo(1);
      assertThat(rejected.path("items").get(0).path("idTag").asText()).isEqualTo("TAG-L2");
      // the charger's own list shows the same reservations
      assertThat(joule.get("/api/v1/chargers/CP-RSV-8/reservations").body())
          .contains("\"reservationId\":" + first, "\"reservationId\":" + second);
    }
  }

  @Test
  void badReservationRequestsAre4xxNamingTheField() {
    try (RawCharger charger = joule.charger("CP-RSV-9")) {
      assertBad(body("CP-NOBODY", 1, "TAG", inAnHour()), 400, "chargerId");
      assertBad(body("CP-RSV-9", 1, "T".repeat(21), inAnHour()), 400, "idTag");
      assertBad(body("CP-RSV-9", 1, "TAG", Instant.now().minusSeconds(5)), 400, "expiryDate");
      assertBad(body("CP-RSV-9", -1, "TAG", inAnHour()), 400, "connectorId");
      assertBad(
          "{\"chargerId\":\"CP-RSV-9\",\"idTag\":\"TAG\",\"expiryDate\":\"%s\",\"reservationId\":5}"
              .formatted(inAnHour()),
          400,
          "reservationId");
      assertBad("{\"chargerId\":\"CP-RSV-9\",\"idTag\":\"TAG\"}", 400, "expiryDate");
      assertThat(joule.get("/api/v1/reservations/999999").statusCode()).isEqualTo(404);
      HttpResponse<String> status = joule.get("/api/v1/reservations?status=booked");
      assertThat(status.statusCode()).isEqualTo(400);
      assertThat(status.body()).contains("status", "reserved");
      assertThat(joule.get("/api/v1/reservations?chargerId=CP-RSV-9").body())
          .isEqualTo("{\"items\":[],\"next\":null}");
    }
  }

  static void assertBad(String body, int status, String field) {
    HttpResponse<String> response = joule.post("/api/v1/reservations", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains("\"error\":\"" + field + ":");
  }
}
