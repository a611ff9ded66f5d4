package dev.joule.profile.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.joule.it.TestPki;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaHookTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String chainFor(String cn) throws Exception {
    TestPki pki = TestPki.create("External CA");
    CertificateAuthority ca =
        CertificateAuthority.read(
            pki.writeCa(dir.resolve("ca.crt")),
            pki.writeCaKey(dir.resolve("ca.key")),
            new SecureRandom());
    CsrCheck.Valid csr =
        (CsrCheck.Valid) CsrCheck.check(TestPki.csr("CN=" + cn, TestPki.ecKeys()), cn);
    return ca.sign(csr.csr(), Instant.now(), Duration.ofDays(1)).chainPem();
  }

  @Test
  void aChainForTheChargerIsTakenAsTheHookSentIt() throws Exception {
    String chain = chainFor("CP-H1");
    assertThat(CaHook.chain("CP-H1", JSON.writeValueAsString(Map.of("certificateChain", chain))))
        .isEqualTo(chain);
  }

  @Test
  void aChainForAnotherChargerIsRefused() throws Exception {
    String body = JSON.writeValueAsString(Map.of("certificateChain", chainFor("CP-OTHER")));
    assertThatThrownBy(() -> CaHook.chain("CP-H1", body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("its first certificate's CN is not 'CP-H1'");
  }

  @Test
  void answersWithoutAPemChainAreRefusedSayingWhy() {
    assertThatThrownBy(() -> CaHook.chain("CP-H1", "<html>")).hasMessage("the answer is not JSON");
    assertThatThrownBy(() -> CaHook.chain("CP-H1", "{\"chain\":\"x\"}"))
        .hasMessage("the answer has no certificateChain text");
    assertThatThrownBy(() -> CaHook.chain("CP-H1", "{\"certificateChain\":\"not pem\"}"))
        .hasMessageStartingWith("the chain ");
    assertThatThrownBy(
            () -> CaHook.chain("CP-H1", "{\"certificateChain\":\"" + "A".repeat(10_001) + "\"}"))
        .hasMessage("the chain has 10001 characters, CertificateSigned takes 10000");
  }
}
