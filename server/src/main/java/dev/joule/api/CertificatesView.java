package dev.joule.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What Joule knows of the certificates on a charger ({@code GET /chargers/{id}/certificates}).
 *
 * @param installed the newest answered GetInstalledCertificateIds, or null if none was answered
 * @param changes InstallCertificate, DeleteCertificate and CertificateSigned commands, newest first
 * @param signed certificates Joule's CA signed for the charger's SignCertificate, newest first
 */
record CertificatesView(Installed installed, List<Change> changes, List<Signed> signed) {

  /** One GetInstalledCertificateIds: its payload, the charger's answer and when. */
  record Installed(
      long commandId,
      JsonNode request,
      String status,
      JsonNode certificateHashData,
      Instant completedAt) {}

  /** One InstallCertificate or DeleteCertificate command and its outcome. */
  record Change(
      long commandId,
      String action,
      String status,
      JsonNode request,
      JsonNode response,
      Instant completedAt) {}

  /** One certificate signed for the charger (serial in hex, subject in RFC 2253). */
  record Signed(String serialNumber, String subject, Instant notBefore, Instant notAfter) {}
}
