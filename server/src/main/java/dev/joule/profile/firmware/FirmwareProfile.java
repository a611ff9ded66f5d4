package dev.joule.profile.firmware;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationResponse;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationResponse;
import dev.joule.processing.CallContext;
import dev.joule.processing.Handlers;
import dev.joule.store.EventRepository;

/** Firmware Management notifications from chargers, recorded as they come. */
public final class FirmwareProfile {
  private final EventRepository events;

  public FirmwareProfile(EventRepository events) {
    this.events = events;
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
    return new FirmwareStatusNotificationResponse();
  }
}
