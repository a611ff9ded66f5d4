package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.Side;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CSMS→charger operation of the action table round-trips through the API: the payload of the
 * action's golden request (ocpp/src/test/resources/ocpp16) is posted as a command, the charger
 * receives exactly that payload, answers with the golden response, and the command's outcome holds
 * that response. A new action in the table without golden frames fails here too.
 */
class EveryCommandIT {
  private static final Path GOLDEN = Path.of("..", "ocpp", "src", "test", "resources", "ocpp16");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Joule writes 16.0 as 16: the same JSON number. Everything else compares exactly. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  @TempDir static Path dataDir;
  static JouleServer joule;
  static RawCharger charger;

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir);
    charger = joule.charger("CP-EVERY");
    charger.call("[2,\"b\",\"Heartbeat\",{}]");
  }

  @AfterAll
  static void stop() {
    charger.close();
    joule.close();
  }

  static Stream<Action> commands() {
    return Arrays.stream(Action.values())
        .filter(a -> a.direction().initiatedBy(Side.CENTRAL_SYSTEM));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void roundTripsThroughTheApi(Action action) throws Exception {
    JsonNode golden =
        JSON.readTree(
            Files.readString(GOLDEN.resolve(action.wire()).resolve("request-valid.json")));
    JsonNode payload = golden.get(3);
    JsonNode response =
        JSON.readTree(
            Files.readString(GOLDEN.resolve(action.wire()).resolve("response-valid.json")));
    HttpRequest post =
        HttpRequest.newBuilder(
                joule.api("/api/v1/chargers/CP-EVERY/commands/" + action.wire() + "?wait=10s"))
            .header("Authorization", "Bearer " + JouleServer.TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload.toString()))
            .build();
    CompletableFuture<HttpResponse<String>> answer =
        HttpClient.newHttpClient().sendAsync(post, HttpResponse.BodyHandlers.ofString());

    JsonNode call = JSON.readTree(charger.next());
    charger.send(
        "[3," + call.get(1) + "," + response + "]"); // answer first: keeps later cases in step
    assertThat(call.get(0).asInt()).isEqualTo(2);
    assertThat(call.get(2).asText()).isEqualTo(action.wire());
    assertThat(call.get(3).equals(NUMBERS_BY_VALUE, payload))
        .as("the charger received %s, posted %s", call.get(3), payload)
        .isTrue();

    HttpResponse<String> result = answer.get(15, TimeUnit.SECONDS);
    assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
    JsonNode command = JSON.readTree(result.body());
    assertThat(command.path("action").asText()).isEqualTo(action.wire());
    assertThat(command.path("status").asText()).isIn("accepted", "rejected");
    assertThat(command.path("response").equals(NUMBERS_BY_VALUE, response))
        .as("stored response %s, charger answered %s", command.path("response"), response)
        .isTrue();
  }
}
