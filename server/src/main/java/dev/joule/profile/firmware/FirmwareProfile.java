package dev.joule.profile.firmware;

import dev.joule.domain.campaign.CampaignKind;
import dev.joule.domain.campaign.CampaignNotifications;
import dev.joule.domain.campaign.Progress;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationResponse;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationResponse;
import dev.joule.processing.CallContext;
import dev.joule.processing.Handlers;
import dev.joule.store.EventRepository;
import java.util.Optional;

/**
 * Firmware Management notifications from chargers, recorded as they come; a charger in a firmware
 * or diagnostics campaign moves on by them in the same transaction (decision 0015).
 */
public final class FirmwareProfile {
  private final EventRepository events;
  private final CampaignNotifications campaigns;

  public FirmwareProfile(EventRepository events, CampaignNotifications campaigns) {
    this.events = events;
    this.campaigns = campaigns;
  }

  public Handlers register(Handlers handlers) {
    return handlers
        .on(
            Action.DIAGNOSTICS_STATUS_NOTIFICATION,
            DiagnosticsStatusNotificationRequest.class,
            this::diagnosticsStatus)
        .on(
            Action.FIRMWARE_STATUS_NOTIFICATION,
            FirmwareStatusNotificationRequest.class,
            this::firmwareStatus);
  }

  DiagnosticsStatusNotificationResponse diagnosticsStatus(
      CallContext c, DiagnosticsStatusNotificationRequest r) {
    events.firmwareEvent(
        c.connection(),
        c.chargerId(),
        c.callId(),
        "DiagnosticsStatus",
        r.status().wire(),
        c.receivedAt());
    campaigns.notified(
        c.connection(),
        c.afterCommit(),
        c.chargerId(),
        CampaignKind.DIAGNOSTICS,
        Optional.empty(),
        r.status().wire(),
        Progress.of(r.status()),
        c.now());
    return new DiagnosticsStatusNotificationResponse();
  }

  FirmwareStatusNotificationResponse firmwareStatus(
      CallContext c, FirmwareStatusNotificationRequest r) {
    events.firmwareEvent(
        c.connection(),
        c.chargerId(),
        c.callId(),
        "FirmwareStatus",
        r.status().wire(),
        c.receivedAt());
    campaigns.notified(
        c.connection(),
        c.afterCommit(),
        c.chargerId(),
        CampaignKind.FIRMWARE,
        Optional.empty(),
        r.status().wire(),
        Progress.of(r.status()),
        c.now());
    return new FirmwareStatusNotificationResponse();
  }
}
