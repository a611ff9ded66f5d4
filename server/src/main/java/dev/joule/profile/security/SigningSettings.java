package dev.joule.profile.security;

import java.time.Duration;
import java.util.Optional;

/**
 * How SignCertificate is answered.
 *
 * @param ca the CA that signs chargers' CSRs ({@code csr-ca-cert-file}, {@code csr-ca-key-file});
 *     empty: every SignCertificate is answered Rejected
 * @param validity how long a signed certificate is valid ({@code csr-validity-days})
 */
public record SigningSettings(Optional<CertificateAuthority> ca, Duration validity) {
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

  /** No CA: SignCertificate is rejected. */
  public static final SigningSettings NONE =
      new SigningSettings(Optional.empty(), DEFAULT_VALIDITY);
}
