package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.joule.profile.security.CertificateAuthority;
import dev.joule.profile.security.CsrCheck;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SignCertificate handed to an external CA ({@code csr-ca-hook-url}): a real HTTP server stands in
 * for the CSO's CA; what it answers reaches the charger with CertificateSigned.
 */
class CaHookIT {
  @TempDir static Path dataDir;
  @TempDir static Path pkiDir;
  static final ObjectMapper JSON = new ObjectMapper();
  static final BlockingQueue<JsonNode> asked = new LinkedBlockingQueue<>();
  static TestPki pki;
  static HttpServer externalCa;
  static JouleServer joule;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create("External CSO CA");
    CertificateAuthority ca =
        CertificateAuthority.read(
            pki.writeCa(pkiDir.resolve("ca.crt")),
            pki.writeCaKey(pkiDir.resolve("ca.key")),
            new SecureRandom());
    externalCa = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    externalCa.createContext(
        "/sign",
        exchange -> {
          JsonNode request = JSON.readTree(exchange.getRequestBody());
          asked.add(request);
          String chargerId = request.path("chargerId").asText();
          CsrCheck.Valid csr =
              (CsrCheck.Valid) CsrCheck.check(request.path("csr").asText(), chargerId);
          String chain = ca.sign(csr.csr(), Instant.now(), Duration.ofDays(7)).chainPem();
          byte[] answer =
              JSON.writeValueAsString(Map.of("certificateChain", chain))
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    externalCa.start();
    joule =
        JouleServer.start(
            dataDir,
            "csr-ca-hook-url",
            "http://127.0.0.1:" + externalCa.getAddress().getPort() + "/sign");
  }

  @AfterAll
  static void stop() {
    joule.close();
    externalCa.stop(0);
  }

  @Test
  void aGoodCsrIsAcceptedAndTheExternalCasCertificateComesBackWithCertificateSigned()
      throws Exception {
    String csr = TestPki.csr("CN=CP-HOOK,O=Joule tests", TestPki.ecKeys());
    try (RawCharger charger = joule.charger("CP-HOOK")) {
      JsonNode answer =
          JSON.readTree(
              charger.call(
                  "[2,\"h1\",\"SignCertificate\","
                      + JSON.writeValueAsString(Map.of("csr", csr))
                      + "]"));
      assertThat(answer.toString()).isEqualTo("[3,\"h1\",{\"status\":\"Accepted\"}]");
      JsonNode signed = JSON.readTree(charger.next());
      assertThat(signed.get(2).asText()).isEqualTo("CertificateSigned");
      List<X509Certificate> chain = TestPki.chain(signed.get(3).path("certificateChain").asText());
      chain.getFirst().verify(pki.ca.getPublicKey());
      assertThat(chain.getFirst().getSubjectX500Principal().getName()).contains("CN=CP-HOOK");
      charger.send("[3," + signed.get(1) + ",{\"status\":\"Accepted\"}]");
    }
    JsonNode request = asked.poll(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(request).as("the external CA was asked").isNotNull();
    assertThat(request.path("chargerId").asText()).isEqualTo("CP-HOOK");
    assertThat(request.path("csr").asText()).isEqualTo(csr);
    Await.until(
        () ->
            joule
                .get("/api/v1/chargers/CP-HOOK/commands?status=accepted")
                .body()
                .contains("\"action\":\"CertificateSigned\""));
  }

  @Test
  void aCsrForAnotherIdentityIsRejectedWithoutAskingTheCa() throws Exception {
    String csr = TestPki.csr("CN=CP-NOT-ME", TestPki.ecKeys());
    try (RawCharger charger = joule.charger("CP-HOOK-BAD")) {
      assertThat(
              charger.call(
                  "[2,\"h2\",\"SignCertificate\","
                      + JSON.writeValueAsString(Map.of("csr", csr))
                      + "]"))
          .isEqualTo("[3,\"h2\",{\"status\":\"Rejected\"}]");
    }
    assertThat(asked).noneMatch(r -> r.path("chargerId").asText().equals("CP-HOOK-BAD"));
  }
}
