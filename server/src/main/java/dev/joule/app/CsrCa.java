package dev.joule.app;

import dev.joule.profile.security.CertificateAuthority;
import dev.joule.profile.security.SigningSettings;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CA for SignCertificate ({@code csr-ca-cert-file}, {@code csr-ca-key-file}, {@code
 * csr-validity-days}): both files or neither, read and checked at start-up, so a wrong file stops
 * Joule with one line naming its key.
 */
final class CsrCa {
  private CsrCa() {}

  static SigningSettings read(Function<String, Optional<String>> optional, int validityDays) {
    Optional<String> cert = optional.apply("csr-ca-cert-file");
    Optional<String> key = optional.apply("csr-ca-key-file");
    Duration validity = Duration.ofDays(validityDays);
    if (cert.isEmpty() && key.isEmpty()) {
      return new SigningSettings(Optional.empty(), validity);
    }
    if (cert.isEmpty()) {
      throw new ConfigError("csr-ca-cert-file", "required with csr-ca-key-file");
    }
    if (key.isEmpty()) {
      throw new ConfigError("csr-ca-key-file", "required with csr-ca-cert-file");
    }
    try {
      return new SigningSettings(
          Optional.of(
              CertificateAuthority.read(
                  Path.of(cert.get()), Path.of(key.get()), new SecureRandom())),
          validity);
    } catch (CertificateAuthority.BadFile e) {
      throw new ConfigError(e.certFile() ? "csr-ca-cert-file" : "csr-ca-key-file", e.getMessage());
    }
  }
}
