package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API needs a bearer token; the charger WebSocket does not. */
class ApiAccessIT {
  @TempDir static Path dataDir;
  static JouleServer joule;

  @BeforeAll
  static void start() {
    joule = JouleServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  @Test
  void everyApiPathRefusesARequestWithoutAToken() {
    for (String path :
        new String[] {
          "/api/v1/chargers",
          "/api/v1/transactions",
          "/api/v1/commands",
          "/api/v1/events",
          "/api/v1/no-such-thing"
        }) {
      HttpResponse<String> response =
          joule.sendAs(HttpRequest.newBuilder(joule.api(path)).GET().build());
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .contains("Bearer realm=\"joule\"");
      assertThat(response.body()).contains("missing bearer token");
    }
  }

  @Test
  void aWrongTokenIsRefusedAndTheRightOneAccepted() {
    HttpResponse<String> wrong =
        joule.sendAs(
            HttpRequest.newBuilder(joule.api("/api/v1/chargers"))
                .header("Authorization", "Bearer not-the-token-at-all")
                .GET()
                .build());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("invalid bearer token");
    HttpResponse<String> commandWithoutToken =
        joule.sendAs(
            HttpRequest.newBuilder(joule.api("/api/v1/chargers/CP-1/commands/ClearCache"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(commandWithoutToken.statusCode()).isEqualTo(401);
    assertThat(joule.get("/api/v1/chargers").statusCode()).isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentIsServedWithTheCommandPaths() {
    HttpResponse<String> document = joule.get("/api/v1/openapi.json");
    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body())
        .contains("\"/api/v1/chargers/{id}/commands/SignedUpdateFirmware\"")
        .contains("\"/api/v1/transactions/{id}/meter-values\"");
  }

  @Test
  void chargersStillConnectWithoutAToken() {
    try (RawCharger charger = joule.charger("CP-NO-TOKEN")) {
      assertThat(charger.subprotocol()).isEqualTo("ocpp1.6");
    }
  }
}
