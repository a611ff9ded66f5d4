package dev.joule.app;

import dev.joule.profile.security.CertificateAuthority;
import dev.joule.profile.security.SigningSettings;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CA for SignCertificate ({@code csr-ca-cert-file}, {@code csr-ca-key-file}, {@code
 * csr-validity-days}, or {@code csr-ca-hook-url}): both files or neither, read and checked at
 * start-up, so a wrong file stops Joule with one line naming its key; a hook instead of them.
 */
final class CsrCa {
  private CsrCa() {}

  private static URI hook(String url) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new ConfigError(
          "csr-ca-hook-url", "must be an http:// or https:// URL, got '" + url + "'");
    }
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigError("csr-ca-hook-url", "not a URL: " + e.getMessage());
    }
  }

  static SigningSettings read(Function<String, Optional<String>> optional, int validityDays) {
    Optional<String> cert = optional.apply("csr-ca-cert-file");
    Optional<String> key = optional.apply("csr-ca-key-file");
    Optional<URI> hook = optional.apply("csr-ca-hook-url").map(CsrCa::hook);
    Duration validity = Duration.ofDays(validityDays);
    if (cert.isEmpty() && key.isEmpty()) {
      return new SigningSettings(Optional.empty(), hook, validity);
    }
    if (hook.isPresent()) {
      throw new ConfigError(
          "csr-ca-hook-url",
          "set either csr-ca-cert-file and csr-ca-key-file (Joule signs) or csr-ca-hook-url (an"
              + " external CA signs), not both");
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
          Optional.empty(),
          validity);
    } catch (CertificateAuthority.BadFile e) {
      throw new ConfigError(e.certFile() ? "csr-ca-cert-file" : "csr-ca-key-file", e.getMessage());
    }
  }
}
