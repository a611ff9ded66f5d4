package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.it.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsrCaTest {
  @TempDir Path dir;

  private static Config load(Map<String, String> options) {
    return ConfigLoader.load(Optional.empty(), Map.of(), options);
  }

  @Test
  void withoutCaFilesSignCertificateHasNoCaAndAYearOfValidity() {
    Config config = load(Map.of());
    assertThat(config.signing().ca()).isEmpty();
    assertThat(config.signing().validity()).isEqualTo(Duration.ofDays(365));
  }

  @Test
  void bothFilesReadTheCaWithTheConfiguredValidity() throws Exception {
    TestPki pki = TestPki.create("CSO CA");
    Config config =
        load(
            Map.of(
                "csr-ca-cert-file", pki.writeCa(dir.resolve("ca.crt")).toString(),
                "csr-ca-key-file", pki.writeCaKey(dir.resolve("ca.key")).toString(),
                "csr-validity-days", "30"));
    assertThat(config.signing().ca().orElseThrow().certificate()).isEqualTo(pki.ca);
    assertThat(config.signing().validity()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void oneFileWithoutTheOtherIsNamed() {
    assertThatThrownBy(() -> load(Map.of("csr-ca-cert-file", "ca.crt")))
        .isInstanceOf(ConfigError.class)
        .hasMessage("csr-ca-key-file: required with csr-ca-cert-file");
    assertThatThrownBy(() -> load(Map.of("csr-ca-key-file", "ca.key")))
        .isInstanceOf(ConfigError.class)
        .hasMessage("csr-ca-cert-file: required with csr-ca-key-file");
  }

  @Test
  void aMissingFileAMismatchedKeyAndABadValidityAreNamed() throws Exception {
    TestPki pki = TestPki.create("CSO CA");
    String cert = pki.writeCa(dir.resolve("ca.crt")).toString();
    String otherKey = TestPki.create("other").writeCaKey(dir.resolve("other.key")).toString();
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "csr-ca-cert-file",
                        dir.resolve("none.crt").toString(),
                        "csr-ca-key-file",
                        otherKey)))
        .hasMessageStartingWith("csr-ca-cert-file: cannot read");
    assertThatThrownBy(() -> load(Map.of("csr-ca-cert-file", cert, "csr-ca-key-file", otherKey)))
        .hasMessageStartingWith("csr-ca-key-file: is not the private key of the CA certificate");
    assertThatThrownBy(() -> load(Map.of("csr-validity-days", "0")))
        .hasMessageStartingWith("csr-validity-days:");
  }
}
