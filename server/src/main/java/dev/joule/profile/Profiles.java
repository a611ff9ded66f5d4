package dev.joule.profile;

import dev.joule.domain.Authorization;
import dev.joule.domain.campaign.CampaignNotifications;
import dev.joule.domain.command.TransactionLinks;
import dev.joule.domain.reservation.ReservationLinks;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.processing.Handlers;
import dev.joule.profile.core.ChargeSessions;
import dev.joule.profile.core.CoreProfile;
import dev.joule.profile.core.CoreSettings;
import dev.joule.profile.firmware.FirmwareProfile;
import dev.joule.profile.security.CertificateDelivery;
import dev.joule.profile.security.ExternalCa;
import dev.joule.profile.security.SecurityExtensionProfile;
import dev.joule.profile.security.SigningSettings;
import dev.joule.store.CampaignRepository;
import dev.joule.store.ChargerAuthRepository;
import dev.joule.store.ChargerRepository;
import dev.joule.store.CommandRepository;
import dev.joule.store.ConnectorStatusRepository;
import dev.joule.store.EventRepository;
import dev.joule.store.IdTagRepository;
import dev.joule.store.MeterValueRepository;
import dev.joule.store.ReservationRepository;
import dev.joule.store.SecurityRepository;
import dev.joule.store.TransactionRepository;
import java.util.Map;

/** The handlers of every implemented profile: the dispatch table Joule processes with. */
public final class Profiles {
  private Profiles() {}

  /** Without a CA: SignCertificate is answered Rejected (tools and benchmarks). */
  public static Handlers handlers(CoreSettings core, OcppJson codec) {
    return handlers(core, SigningSettings.NONE, CertificateDelivery.NONE, ExternalCa.NONE, codec);
  }

  /**
   * @param delivery sends the certificates signed for SignCertificate as CertificateSigned commands
   * @param external the CSO's CA when {@code signing} names a hook ({@code csr-ca-hook-url})
   */
  public static Handlers handlers(
      CoreSettings core,
      SigningSettings signing,
      CertificateDelivery delivery,
      ExternalCa external,
      OcppJson codec) {
    Authorization authorization = new Authorization(new IdTagRepository(), core.unknownIdTags());
    Handlers handlers = new Handlers();
    new CoreProfile(
            core,
            authorization,
            new ChargerRepository(),
            new ChargerAuthRepository(),
            new ConnectorStatusRepository(),
            new EventRepository(),
            Map.of())
        .register(handlers);
    new ChargeSessions(
            authorization,
            new TransactionRepository(),
            new MeterValueRepository(),
            codec,
            new TransactionLinks(new CommandRepository()),
            new ReservationLinks(new ReservationRepository()))
        .register(handlers);
    CampaignNotifications campaigns = new CampaignNotifications(new CampaignRepository());
    new FirmwareProfile(new EventRepository(), campaigns).register(handlers);
    new SecurityExtensionProfile(new SecurityRepository(), signing, delivery, external, campaigns)
        .register(handlers);
    return handlers;
  }
}
