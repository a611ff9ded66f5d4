package dev.joule.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChargerPathTest {
  @Test
  void plainIdentity() {
    assertThat(ChargerPath.chargerId("/ocpp/CP-001")).contains("CP-001");
  }

  @Test
  void percentEncodedSpaceColonAndUtf8AreDecoded() {
    assertThat(ChargerPath.chargerId("/ocpp/RDAM%20123")).contains("RDAM 123");
    assertThat(ChargerPath.chargerId("/ocpp/site:7%3Abay")).contains("site:7:bay");
    assertThat(ChargerPath.chargerId("/ocpp/Z%C3%BCrich")).contains("Zürich");
  }

  @Test
  void plusIsAPlusInAPath() {
    assertThat(ChargerPath.chargerId("/ocpp/a+b")).contains("a+b");
  }

  @Test
  void notAChargerPath() {
    assertThat(ChargerPath.chargerId("/api/chargers")).isEmpty();
    assertThat(ChargerPath.chargerId("/ocpp")).isEmpty();
    assertThat(ChargerPath.chargerId("/ocpp/")).isEmpty();
    assertThat(ChargerPath.chargerId("/ocpp/a/b")).isEmpty();
    assertThat(ChargerPath.chargerId("/ocppx/a")).isEmpty();
  }

  @Test
  void brokenEncodingIsNotAnIdentity() {
    assertThat(ChargerPath.chargerId("/ocpp/%")).isEmpty();
    assertThat(ChargerPath.chargerId("/ocpp/a%2")).isEmpty();
    assertThat(ChargerPath.chargerId("/ocpp/%zz")).isEmpty();
    assertThat(ChargerPath.chargerId("/ocpp/%C3%28")).isEmpty();
  }
}
