package dev.joule.profile.security;

import dev.joule.ocpp.message.security.CertificateSignedRequest;

/**
 * Sends a signed certificate to its charger as a CertificateSigned command (recorded like every
 * command, so its outcome is in the API). Wired to the command machinery in {@code app}. Must not
 * block: it is called on a processing thread right after the commit.
 */
@FunctionalInterface
public interface CertificateDelivery {
  CertificateDelivery NONE = (chargerId, request) -> {};

  void send(String chargerId, CertificateSignedRequest request);
}
