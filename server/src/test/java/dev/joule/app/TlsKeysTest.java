package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsKeysTest {
  @TempDir Path dir;

  private static Config load(Map<String, String> options) {
    return ConfigLoader.load(Optional.empty(), Map.of(), options);
  }

  @Test
  void withoutCertificateAndKeyThereIsNoTls() {
    assertThat(load(Map.of()).tls()).isEmpty();
  }

  @Test
  void aCertificateWithoutItsKeyOrAClientCaWithoutTlsIsNamed() {
    assertThatThrownBy(() -> load(Map.of("tls-cert-file", "a.crt")))
        .isInstanceOf(ConfigError.class)
        .hasMessage("tls-key-file: required with tls-cert-file");
    assertThatThrownBy(() -> load(Map.of("tls-key-file", "a.key")))
        .hasMessage("tls-cert-file: required with tls-key-file");
    assertThatThrownBy(() -> load(Map.of("tls-client-ca-file", "ca.crt")))
        .hasMessageStartingWith("tls-client-ca-file: needs tls-cert-file and tls-key-file");
  }

  @Test
  void filesThatAreMissingOrNotPemOfTheirKindAreNamed() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate\n");
    Path missing = dir.resolve("missing.key");

    assertThatThrownBy(() -> load(Map.of("tls-cert-file", missing.toString(), "tls-key-file", "x")))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("tls-cert-file: cannot read " + missing);
    assertThatThrownBy(
            () -> load(Map.of("tls-cert-file", junk.toString(), "tls-key-file", junk.toString())))
        .hasMessageStartingWith("tls-cert-file: holds no");
  }
}
