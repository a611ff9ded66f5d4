package dev.joule.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.domain.campaign.CampaignKind;
import dev.joule.ocpp.message.firmware.UpdateFirmwareRequest;
import dev.joule.ocpp.message.security.GetLogRequest;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignBodyTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  static CampaignBody.Parsed parse(CampaignKind kind, String json) {
    return CampaignBody.parse(kind, Json.readBody(json.getBytes(StandardCharsets.UTF_8)), NOW);
  }

  static String message(CampaignKind kind, String json) {
    try {
      parse(kind, json);
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void aFirmwareCampaignDefaultsItsRetrieveDateToNowAndItsSettings() {
    CampaignBody.Parsed parsed =
        parse(
            CampaignKind.FIRMWARE,
            "{\"chargerIds\":[\"A\",\"B\",\"A\"],\"location\":\"https://fw/x.bin\"}");
    UpdateFirmwareRequest request = (UpdateFirmwareRequest) parsed.request();
    assertThat(request.retrieveDate()).isEqualTo(NOW);
    assertThat(request.location()).isEqualTo("https://fw/x.bin");
    assertThat(parsed.chargerIds()).contains(java.util.List.of("A", "B"));
    assertThat(parsed.settings().concurrency()).isEqualTo(CampaignBody.DEFAULT_CONCURRENCY);
    assertThat(parsed.settings().chargerTimeout()).isEqualTo(Duration.ofHours(1));
    assertThat(parsed.notBefore()).isEqualTo(NOW);
  }

  @Test
  void aLaterRetrieveDateIsWhenChargersMayStart() {
    CampaignBody.Parsed parsed =
        parse(
            CampaignKind.FIRMWARE,
            "{\"filter\":{\"idPrefix\":\"CP-\",\"connected\":true},\"location\":\"ftp://fw/\","
                + "\"retrieveDate\":\"2026-12-08T00:00:00Z\",\"retries\":3,\"concurrency\":500,"
                + "\"chargerTimeout\":600}");
    assertThat(parsed.notBefore()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
    assertThat(parsed.filter().orElseThrow().idPrefix()).contains("CP-");
    assertThat(parsed.filter().orElseThrow().connected()).contains(true);
    assertThat(((UpdateFirmwareRequest) parsed.request()).retries()).isEqualTo(3);
    assertThat(parsed.settings().concurrency()).isEqualTo(500);
  }

  @Test
  void theWhitepapersRequestIdIsJoulesAndTheSignedRetrieveDateDefaultsToNow() {
    GetLogRequest log =
        (GetLogRequest)
            parse(
                    CampaignKind.LOG,
                    "{\"chargerIds\":[\"A\"],\"logType\":\"SecurityLog\","
                        + "\"log\":{\"remoteLocation\":\"ftp://up/\"}}")
                .request();
    assertThat(log.requestId()).isZero();
    assertThat(
            message(
                CampaignKind.LOG,
                "{\"chargerIds\":[\"A\"],\"logType\":\"SecurityLog\",\"requestId\":4,"
                    + "\"log\":{\"remoteLocation\":\"ftp://up/\"}}"))
        .startsWith("requestId:");
    SignedUpdateFirmwareRequest signed =
        (SignedUpdateFirmwareRequest)
            parse(
                    CampaignKind.SIGNED_FIRMWARE,
                    "{\"chargerIds\":[\"A\"],\"firmware\":{\"location\":\"https://fw/s.bin\","
                        + "\"signingCertificate\":\"CERT\",\"signature\":\"SIG\"}}")
                .request();
    assertThat(signed.firmware().retrieveDateTime()).isEqualTo(NOW);
  }

  @Test
  void badBodiesAreRefusedNamingTheField() {
    assertThat(message(CampaignKind.FIRMWARE, "{\"location\":\"ftp://fw/\"}"))
        .startsWith("chargerIds:");
    assertThat(
            message(
                CampaignKind.FIRMWARE,
                "{\"chargerIds\":[\"A\"],\"filter\":{},\"location\":\"ftp://fw/\"}"))
        .startsWith("chargerIds:");
    assertThat(message(CampaignKind.FIRMWARE, "{\"chargerIds\":[],\"location\":\"ftp://fw/\"}"))
        .startsWith("chargerIds:");
    assertThat(
            message(
                CampaignKind.FIRMWARE,
                "{\"chargerIds\":[\"A\"],\"location\":\"ftp://fw/\",\"concurrency\":0}"))
        .startsWith("concurrency:");
    assertThat(
            message(
                CampaignKind.FIRMWARE,
                "{\"chargerIds\":[\"A\"],\"location\":\"ftp://fw/\",\"chargerTimeout\":\"1h\"}"))
        .startsWith("chargerTimeout:");
    assertThat(
            message(CampaignKind.FIRMWARE, "{\"filter\":{\"prefix\":\"CP\"},\"location\":\"x\"}"))
        .startsWith("filter.prefix:");
    assertThat(message(CampaignKind.FIRMWARE, "{\"chargerIds\":[\"A\"]}"))
        .startsWith("body:")
        .contains("location");
    assertThat(
            message(
                CampaignKind.DIAGNOSTICS,
                "{\"chargerIds\":[\"A\"],\"location\":\"ftp://up/\",\"colour\":\"red\"}"))
        .startsWith("body:")
        .contains("colour");
    assertThat(message(CampaignKind.FIRMWARE, "[1]")).startsWith("body:");
  }
}
