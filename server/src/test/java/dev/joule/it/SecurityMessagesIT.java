package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.security.GenericStatusEnumType;
import dev.joule.ocpp.message.security.SignCertificateResponse;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security whitepaper's charger messages end to end, over a real WebSocket and PostgreSQL:
 * security events (stored, listed, streamed, the critical ones alerting), SignCertificate (signed
 * by the configured CA and sent back with CertificateSigned, or Rejected), and the log and signed
 * firmware notifications linked to their commands. Every answer is read back with the charger
 * side's codec, which validates it against the message's schema.
 */
class SecurityMessagesIT {
  @TempDir static Path dataDir;
  @TempDir static Path pkiDir;
  static JouleServer joule;
  static TestPki pki;
  static final ObjectMapper JSON = new ObjectMapper();
  static final OcppJson CHARGER_SIDE = OcppJson.forChargePoint();

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.create("Joule IT CSO CA");
    joule =
        JouleServer.start(
            dataDir,
            "csr-ca-cert-file",
            pki.writeCa(pkiDir.resolve("ca.crt")).toString(),
            "csr-ca-key-file",
            pki.writeCaKey(pkiDir.resolve("ca.key")).toString(),
            "csr-validity-days",
            "90");
  }

  @AfterAll
  static void stop() {
    joule.close();
  }

  /** Sends a CALL, returns the CALLRESULT payload after checking it against the schema. */
  static JsonNode call(RawCharger charger, String id, Action action, String payload)
      throws Exception {
    JsonNode result =
        JSON.readTree(charger.call("[2,\"" + id + "\",\"" + action.wire() + "\"," + payload + "]"));
    assertThat(result.get(0).asInt()).as(result.toString()).isEqualTo(3);
    assertThat(result.get(1).asText()).isEqualTo(id);
    CHARGER_SIDE.readResponse(action, result.get(2).toString());
    return result.get(2);
  }

  @Test
  void securityEventsAreStoredListedNewestFirstStreamedAndACriticalOneFiresTheAlert()
      throws Exception {
    try (SseClient events = SseClient.open(joule.api("/api/v1/events"), JouleServer.TOKEN, null);
        RawCharger charger = joule.charger("CP-SEC-EV")) {
      assertThat(
              call(
                  charger,
                  "e1",
                  Action.SECURITY_EVENT_NOTIFICATION,
                  "{\"type\":\"TamperDetectionActivated\",\"timestamp\":\"2026-12-07T10:00:00Z\","
                      + "\"techInfo\":\"lid opened\"}"))
          .hasSize(0);
      call(
          charger,
          "e2",
          Action.SECURITY_EVENT_NOTIFICATION,
          "{\"type\":\"AcmeDoorbell\",\"timestamp\":\"2026-12-07T10:00:01Z\"}");

      SseClient.Event streamed =
          events.next(
              e ->
                  e.type().equals("security.event")
                      && e.data().path("chargerId").asText().equals("CP-SEC-EV"));
      assertThat(streamed.data().path("securityEventType").asText())
          .isEqualTo("TamperDetectionActivated");
      assertThat(streamed.data().path("critical").asBoolean()).isTrue();
      assertThat(streamed.data().path("techInfo").asText()).isEqualTo("lid opened");
    }

    JsonNode page = json(joule.get("/api/v1/chargers/CP-SEC-EV/security-events"));
    assertThat(page.path("items")).hasSize(2);
    JsonNode newest = page.path("items").get(0);
    assertThat(newest.path("type").asText()).isEqualTo("AcmeDoorbell");
    assertThat(newest.path("critical").asBoolean()).isFalse(); // unknown types are kept
    assertThat(newest.path("techInfo").isNull()).isTrue();
    JsonNode tamper = page.path("items").get(1);
    assertThat(tamper.path("type").asText()).isEqualTo("TamperDetectionActivated");
    assertThat(tamper.path("critical").asBoolean()).isTrue();
    assertThat(tamper.path("timestamp").asText()).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(tamper.path("techInfo").asText()).isEqualTo("lid opened");

    JsonNode first = json(joule.get("/api/v1/chargers/CP-SEC-EV/security-events?limit=1"));
    assertThat(first.path("items").get(0).path("type").asText()).isEqualTo("AcmeDoorbell");
    JsonNode second =
        json(
            joule.get(
                "/api/v1/chargers/CP-SEC-EV/security-events?limit=1&cursor="
                    + first.path("next").asText()));
    assertThat(second.path("items").get(0).path("type").asText())
        .isEqualTo("TamperDetectionActivated");
    assertThat(joule.get("/api/v1/chargers/NO-SUCH/security-events").statusCode()).isEqualTo(404);

    Await.until(
        () ->
            joule
                .get("/api/v1/alerts?alert=ChargerSecurityEvent")
                .body()
                .contains("CP-SEC-EV TamperDetectionActivated (lid opened)"));
    JsonNode alert = json(joule.get("/api/v1/alerts?alert=ChargerSecurityEvent")).path("items");
    assertThat(alert.get(alert.size() - 1).path("state").asText()).isEqualTo("firing");
    assertThat(alert.get(alert.size() - 1).path("severity").asText()).isEqualTo("warning");
    assertThat(joule.get("/metrics").body())
        .contains("joule_security_events_total{critical=\"true\"} 1.0")
        .contains("joule_security_events_total{critical=\"false\"} 1.0");
  }

  @Test
  void aGoodCsrIsAcceptedAndItsCertificateSignedByTheCaComesBackWithCertificateSigned()
      throws Exception {
    String csr = TestPki.csr("CN=CP-SEC-CSR,O=Joule tests", TestPki.ecKeys());
    try (RawCharger charger = joule.charger("CP-SEC-CSR")) {
      charger.send("[2,\"s1\",\"SignCertificate\"," + JSON.writeValueAsString(new Csr(csr)) + "]");
      // The answer first, then the command; a charger must take them in either order (OCPP-J).
      List<JsonNode> frames = List.of(JSON.readTree(charger.next()), JSON.readTree(charger.next()));
      JsonNode answer =
          frames.stream().filter(f -> f.get(0).asInt() == 3).findFirst().orElseThrow();
      JsonNode signed =
          frames.stream().filter(f -> f.get(0).asInt() == 2).findFirst().orElseThrow();
      assertThat(answer.get(1).asText()).isEqualTo("s1");
      assertThat(CHARGER_SIDE.readResponse(Action.SIGN_CERTIFICATE, answer.get(2).toString()))
          .isEqualTo(new SignCertificateResponse(GenericStatusEnumType.ACCEPTED));
      assertThat(signed.get(2).asText()).isEqualTo("CertificateSigned");
      CHARGER_SIDE.readRequest(Action.CERTIFICATE_SIGNED, signed.get(3).toString());

      List<X509Certificate> chain = TestPki.chain(signed.get(3).path("certificateChain").asText());
      X509Certificate leaf = chain.getFirst();
      leaf.verify(pki.ca.getPublicKey()); // throws unless the configured CA signed it
      assertThat(chain.get(1)).isEqualTo(pki.ca);
      assertThat(cn(leaf)).isEqualTo("CP-SEC-CSR");
      assertThat(leaf.getNotAfter().getTime() - leaf.getNotBefore().getTime())
          .isGreaterThan(89L * 24 * 3600 * 1000)
          .isLessThan(91L * 24 * 3600 * 1000);

      charger.send("[3," + signed.get(1) + ",{\"status\":\"Accepted\"}]");
    }
    Await.until(
        () ->
            joule
                .get("/api/v1/chargers/CP-SEC-CSR/commands?status=accepted")
                .body()
                .contains("\"action\":\"CertificateSigned\""));
    JsonNode certificates = json(joule.get("/api/v1/chargers/CP-SEC-CSR/certificates"));
    assertThat(certificates.path("signed")).hasSize(1);
    assertThat(certificates.path("signed").get(0).path("subject").asText())
        .contains("CN=CP-SEC-CSR");
    assertThat(certificates.path("changes").get(0).path("action").asText())
        .isEqualTo("CertificateSigned");
    assertThat(certificates.path("changes").get(0).path("status").asText()).isEqualTo("accepted");
  }

  @Test
  void aCsrForAnotherIdentityOrNoCsrAtAllIsRejectedAndNothingIsSigned() throws Exception {
    String otherCn = TestPki.csr("CN=CP-SOMEONE-ELSE", TestPki.ecKeys());
    try (RawCharger charger = joule.charger("CP-SEC-BAD")) {
      JsonNode wrongCn =
          call(charger, "b1", Action.SIGN_CERTIFICATE, JSON.writeValueAsString(new Csr(otherCn)));
      assertThat(wrongCn.path("status").asText()).isEqualTo("Rejected");
      JsonNode garbage =
          call(charger, "b2", Action.SIGN_CERTIFICATE, "{\"csr\":\"not a certificate request\"}");
      assertThat(garbage.path("status").asText()).isEqualTo("Rejected");
    }
    assertThat(
            joule.count("SELECT count(*) FROM signed_certificate WHERE charger_id = 'CP-SEC-BAD'"))
        .isZero();
    assertThat(json(joule.get("/api/v1/chargers/CP-SEC-BAD/commands")).path("items")).isEmpty();
  }

  @Test
  void logStatusNotificationsAppearOnTheGetLogCommandWithTheSameRequestId() throws Exception {
    try (RawCharger charger = joule.charger("CP-SEC-LOG")) {
      JsonNode command =
          roundTrip(
              charger,
              "CP-SEC-LOG",
              "GetLog",
              "{\"log\":{\"remoteLocation\":\"ftp://logs.example/\"},\"logType\":\"SecurityLog\","
                  + "\"requestId\":42}",
              "{\"status\":\"Accepted\",\"filename\":\"security.log\"}");
      call(
          charger,
          "l1",
          Action.LOG_STATUS_NOTIFICATION,
          "{\"status\":\"Uploading\",\"requestId\":42}");
      call(
          charger,
          "l2",
          Action.LOG_STATUS_NOTIFICATION,
          "{\"status\":\"Uploaded\",\"requestId\":42}");
      call(charger, "l3", Action.LOG_STATUS_NOTIFICATION, "{\"status\":\"Idle\"}");

      JsonNode view = json(joule.get("/api/v1/commands/" + command.path("id").asLong()));
      assertThat(statuses(view)).containsExactly("Uploading", "Uploaded");
      assertThat(view.path("notifications").get(0).path("action").asText())
          .isEqualTo("LogStatusNotification");
      assertThat(view.path("notifications").get(0).path("requestId").asInt()).isEqualTo(42);
    }
    assertThat(
            joule.count(
                "SELECT count(*) FROM command_notification WHERE charger_id = 'CP-SEC-LOG'"
                    + " AND command_id IS NULL AND status = 'Idle'"))
        .isEqualTo(1);
  }

  @Test
  void signedFirmwareStatusNotificationsAppearOnTheSignedUpdateFirmwareCommand() throws Exception {
    try (RawCharger charger = joule.charger("CP-SEC-FW")) {
      JsonNode command =
          roundTrip(
              charger,
              "CP-SEC-FW",
              "SignedUpdateFirmware",
              "{\"requestId\":7,\"firmware\":{\"location\":\"https://fw.example/1.2.bin\","
                  + "\"retrieveDateTime\":\"2026-12-07T10:00:00Z\",\"signingCertificate\":"
                  + JSON.writeValueAsString(caPem())
                  + ",\"signature\":\"c2lnbmF0dXJl\"}}",
              "{\"status\":\"Accepted\"}");
      call(
          charger,
          "f1",
          Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION,
          "{\"status\":\"Downloading\",\"requestId\":7}");
      call(
          charger,
          "f2",
          Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION,
          "{\"status\":\"SignatureVerified\",\"requestId\":7}");
      JsonNode view = json(joule.get("/api/v1/commands/" + command.path("id").asLong()));
      assertThat(statuses(view)).containsExactly("Downloading", "SignatureVerified");
    }
  }

  @Test
  void theLastInstalledCertificateIdsAndCertificateCommandsAreShownPerCharger() throws Exception {
    String hash =
        "{\"hashAlgorithm\":\"SHA256\",\"issuerNameHash\":\"aa11\",\"issuerKeyHash\":\"bb22\","
            + "\"serialNumber\":\"0c\"}";
    try (RawCharger charger = joule.charger("CP-SEC-CERTS")) {
      roundTrip(
          charger,
          "CP-SEC-CERTS",
          "GetInstalledCertificateIds",
          "{\"certificateType\":\"CentralSystemRootCertificate\"}",
          "{\"status\":\"Accepted\",\"certificateHashData\":[" + hash + "]}");
      roundTrip(
          charger,
          "CP-SEC-CERTS",
          "DeleteCertificate",
          "{\"certificateHashData\":" + hash + "}",
          "{\"status\":\"Accepted\"}");
    }
    JsonNode view = json(joule.get("/api/v1/chargers/CP-SEC-CERTS/certificates"));
    assertThat(view.path("installed").path("status").asText()).isEqualTo("Accepted");
    assertThat(
            view.path("installed").path("certificateHashData").get(0).path("serialNumber").asText())
        .isEqualTo("0c");
    assertThat(view.path("changes")).hasSize(1);
    assertThat(view.path("changes").get(0).path("action").asText()).isEqualTo("DeleteCertificate");
    assertThat(view.path("changes").get(0).path("status").asText()).isEqualTo("accepted");
    assertThat(joule.get("/api/v1/chargers/NO-SUCH/certificates").statusCode()).isEqualTo(404);
  }

  record Csr(String csr) {}

  static JsonNode roundTrip(
      RawCharger charger, String chargerId, String action, String body, String answer)
      throws Exception {
    return joule.roundTrip(charger, chargerId, action, body, answer);
  }

  private static List<String> statuses(JsonNode command) {
    List<String> statuses = new ArrayList<>();
    command.path("notifications").forEach(n -> statuses.add(n.path("status").asText()));
    return statuses;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String cn(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    return IETFUtils.valueToString(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue());
  }

  private static String caPem() throws Exception {
    return Files.readString(pki.writeCa(pkiDir.resolve("signing.crt")));
  }
}
