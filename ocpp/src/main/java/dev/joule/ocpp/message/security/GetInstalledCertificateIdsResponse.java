package dev.joule.ocpp.message.security;

import dev.joule.ocpp.Response;
import dev.joule.ocpp.schema.MinItems;
import dev.joule.ocpp.schema.Nullable;
import java.util.List;

/**
 * OCPP 1.6 GetInstalledCertificateIds.conf (Security (whitepaper edition 3) profile, central system
 * to charge point).
 */
public record GetInstalledCertificateIdsResponse(
    @Nullable @MinItems(1) List<CertificateHashDataType> certificateHashData,
    GetInstalledCertificateStatusEnumType status)
    implements Response {
  public GetInstalledCertificateIdsResponse {
    certificateHashData = certificateHashData == null ? null : List.copyOf(certificateHashData);
  }
}
