package dev.joule.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.joule.security.AdmissionPolicy;
import dev.joule.security.SecurityProfile;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** security-profile and admission: what each combination means, and which ones stop start-up. */
class SecurityConfigTest {
  private static Config load(Map<String, String> options) {
    return ConfigLoader.load(Optional.empty(), Map.of(), options);
  }

  @Test
  void fromProfileOneTheDefaultAdmissionIsKnownOnly() {
    Config config = load(Map.of("security-profile", "1"));

    assertThat(config.security().minimum()).isEqualTo(SecurityProfile.BASIC);
    assertThat(config.security().admission()).isEqualTo(AdmissionPolicy.KNOWN_ONLY);
  }

  @Test
  void pendingAdmissionIsAccepted() {
    assertThat(load(Map.of("security-profile", "1", "admission", "pending")).security().admission())
        .isEqualTo(AdmissionPolicy.PENDING);
  }

  @Test
  void autoRegisterAboveProfileZeroStopsStartUp() {
    assertThatThrownBy(() -> load(Map.of("security-profile", "1", "admission", "auto-register")))
        .isInstanceOf(ConfigError.class)
        .hasMessage(
            "admission: auto-register admits unauthenticated chargers: with security-profile 1"
                + " use known-only or pending");
  }

  @Test
  void profilesTwoAndThreeNeedTls() {
    assertThatThrownBy(() -> load(Map.of("security-profile", "2")))
        .isInstanceOf(ConfigError.class)
        .hasMessage("security-profile: 2 needs TLS: set tls-cert-file and tls-key-file");
  }
}
