package dev.joule.profile.security;

import dev.joule.domain.campaign.CampaignKind;
import dev.joule.domain.campaign.CampaignNotifications;
import dev.joule.domain.campaign.Progress;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.message.security.CertificateSignedRequest;
import dev.joule.ocpp.message.security.GenericStatusEnumType;
import dev.joule.ocpp.message.security.LogStatusNotificationRequest;
import dev.joule.ocpp.message.security.LogStatusNotificationResponse;
import dev.joule.ocpp.message.security.SecurityEventNotificationRequest;
import dev.joule.ocpp.message.security.SecurityEventNotificationResponse;
import dev.joule.ocpp.message.security.SignCertificateRequest;
import dev.joule.ocpp.message.security.SignCertificateResponse;
import dev.joule.ocpp.message.security.SignedFirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.security.SignedFirmwareStatusNotificationResponse;
import dev.joule.processing.CallContext;
import dev.joule.processing.Handlers;
import dev.joule.store.SecurityRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charger messages of "Improved security for OCPP 1.6-J" (edition 3): security events,
 * certificate signing requests, and the status of log uploads and signed firmware updates.
 */
public final class SecurityExtensionProfile {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityExtensionProfile.class);

  /** CertificateSigned.req's certificateChain is at most 10,000 characters. */
  static final int MAX_CHAIN = 10_000;

  private final SecurityRepository repository;
  private final SigningSettings signing;
  private final CertificateDelivery delivery;
  private final ExternalCa external;
  private final CampaignNotifications campaigns;

  /**
   * @param delivery sends what the local CA signed as CertificateSigned
   * @param external takes checked CSRs when {@code signing} names a hook instead of a local CA
   * @param campaigns moves a charger of a log or signed-firmware campaign on (decision 0015)
   */
  public SecurityExtensionProfile(
      SecurityRepository repository,
      SigningSettings signing,
      CertificateDelivery delivery,
      ExternalCa external,
      CampaignNotifications campaigns) {
    this.repository = repository;
    this.signing = signing;
    this.delivery = delivery;
    this.external = external;
    this.campaigns = campaigns;
  }

  public Handlers register(Handlers handlers) {
    return handlers
        .on(
            Action.SECURITY_EVENT_NOTIFICATION,
            SecurityEventNotificationRequest.class,
            this::securityEvent)
        .on(Action.SIGN_CERTIFICATE, SignCertificateRequest.class, this::signCertificate)
        .on(Action.LOG_STATUS_NOTIFICATION, LogStatusNotificationRequest.class, this::logStatus)
        .on(
            Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION,
            SignedFirmwareStatusNotificationRequest.class,
            this::signedFirmwareStatus);
  }

  SecurityEventNotificationResponse securityEvent(
      CallContext c, SecurityEventNotificationRequest r) {
    boolean critical = SecurityEventTypes.critical(r.type());
    Optional<String> techInfo = Optional.ofNullable(r.techInfo());
    if (repository.insertSecurityEvent(
        c.connection(),
        new SecurityRepository.SecurityEvent(
            c.chargerId(),
            c.callId(),
            r.type(),
            critical,
            r.timestamp(),
            techInfo,
            c.receivedAt()))) {
      c.afterCommit()
          .publish(
              new ChargerEvent.SecurityEventReceived(
                  c.chargerId(), c.receivedAt(), r.type(), critical, r.timestamp(), techInfo));
    }
    return new SecurityEventNotificationResponse();
  }

  /**
   * Accepted only when the CSR checks out and a CA is configured; the certificate follows as a
   * CertificateSigned command once the answer is committed, signed here or by the external CA
   * (whitepaper edition 3, "Installing a Charge Point certificate": SignCertificate.conf first,
   * then CertificateSigned.req).
   */
  SignCertificateResponse signCertificate(CallContext c, SignCertificateRequest r) {
    if (signing.ca().isEmpty() && signing.hook().isEmpty()) {
      LOG.warn("{}: SignCertificate rejected: no CA configured (csr-ca-cert-file)", c.chargerId());
      return new SignCertificateResponse(GenericStatusEnumType.REJECTED);
    }
    return switch (CsrCheck.check(r.csr(), c.chargerId())) {
      case CsrCheck.Invalid invalid -> {
        LOG.warn("{}: SignCertificate rejected: the CSR {}", c.chargerId(), invalid.reason());
        yield new SignCertificateResponse(GenericStatusEnumType.REJECTED);
      }
      case CsrCheck.Valid valid when signing.ca().isEmpty() -> {
        // A redelivered CALL may reach the hook twice; the CA then issues two certificates.
        c.onCommit().accept(() -> external.forward(c.chargerId(), r.csr()));
        yield new SignCertificateResponse(GenericStatusEnumType.ACCEPTED);
      }
      case CsrCheck.Valid valid -> sign(c, valid);
    };
  }

  private SignCertificateResponse sign(CallContext c, CsrCheck.Valid valid) {
    CertificateAuthority.Issued issued =
        signing.ca().orElseThrow().sign(valid.csr(), c.now(), signing.validity());
    if (issued.chainPem().length() > MAX_CHAIN) {
      LOG.warn(
          "{}: SignCertificate rejected: the chain is {} characters, CertificateSigned takes {}",
          c.chargerId(),
          issued.chainPem().length(),
          MAX_CHAIN);
      return new SignCertificateResponse(GenericStatusEnumType.REJECTED);
    }
    boolean fresh =
        repository.insertSignedCertificate(
            c.connection(),
            new SecurityRepository.SignedCertificate(
                c.chargerId(),
                c.callId(),
                issued.certificate().getSerialNumber().toString(16),
                issued.certificate().getSubjectX500Principal().getName(),
                issued.certificate().getNotBefore().toInstant(),
                issued.certificate().getNotAfter().toInstant(),
                issued.chainPem(),
                c.receivedAt()));
    if (fresh) { // a redelivered CALL was answered and its certificate sent the first time
      CertificateSignedRequest request = new CertificateSignedRequest(issued.chainPem());
      c.onCommit().accept(() -> delivery.send(c.chargerId(), request));
    }
    return new SignCertificateResponse(GenericStatusEnumType.ACCEPTED);
  }

  LogStatusNotificationResponse logStatus(CallContext c, LogStatusNotificationRequest r) {
    repository.insertCommandNotification(
        c.connection(),
        c.chargerId(),
        c.callId(),
        Action.LOG_STATUS_NOTIFICATION.wire(),
        r.status().wire(),
        Optional.ofNullable(r.requestId()),
        Action.GET_LOG.wire(),
        c.receivedAt());
    campaigns.notified(
        c.connection(),
        c.afterCommit(),
        c.chargerId(),
        CampaignKind.LOG,
        Optional.ofNullable(r.requestId()),
        r.status().wire(),
        Progress.of(r.status()),
        c.now());
    return new LogStatusNotificationResponse();
  }

  SignedFirmwareStatusNotificationResponse signedFirmwareStatus(
      CallContext c, SignedFirmwareStatusNotificationRequest r) {
    repository.insertCommandNotification(
        c.connection(),
        c.chargerId(),
        c.callId(),
        Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION.wire(),
        r.status().wire(),
        Optional.ofNullable(r.requestId()),
        Action.SIGNED_UPDATE_FIRMWARE.wire(),
        c.receivedAt());
    campaigns.notified(
        c.connection(),
        c.afterCommit(),
        c.chargerId(),
        CampaignKind.SIGNED_FIRMWARE,
        Optional.ofNullable(r.requestId()),
        r.status().wire(),
        Progress.of(r.status()),
        c.now());
    return new SignedFirmwareStatusNotificationResponse();
  }
}
