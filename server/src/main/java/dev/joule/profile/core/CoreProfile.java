package dev.joule.profile.core;

import dev.joule.domain.Authorization;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.message.core.AuthorizeRequest;
import dev.joule.ocpp.message.core.AuthorizeResponse;
import dev.joule.ocpp.message.core.BootNotificationRequest;
import dev.joule.ocpp.message.core.BootNotificationResponse;
import dev.joule.ocpp.message.core.DataTransferRequest;
import dev.joule.ocpp.message.core.DataTransferResponse;
import dev.joule.ocpp.message.core.DataTransferStatus;
import dev.joule.ocpp.message.core.HeartbeatRequest;
import dev.joule.ocpp.message.core.HeartbeatResponse;
import dev.joule.ocpp.message.core.RegistrationStatus;
import dev.joule.ocpp.message.core.StatusNotificationRequest;
import dev.joule.ocpp.message.core.StatusNotificationResponse;
import dev.joule.processing.CallContext;
import dev.joule.processing.Handlers;
import dev.joule.store.ChargerAuthRepository;
import dev.joule.store.ChargerRepository;
import dev.joule.store.ConnectorStatusRepository;
import dev.joule.store.EventRepository;
import java.util.Map;
import java.util.Optional;

/**
 * Core profile messages other than the charge session ones (see {@link ChargeSessions}): boot,
 * heartbeat, status, authorize and data transfer.
 */
public final class CoreProfile {
  private final CoreSettings settings;
  private final Authorization authorization;
  private final ChargerRepository chargers;
  private final ChargerAuthRepository auth;
  private final ConnectorStatusRepository statuses;
  private final EventRepository events;
  private final Map<String, DataTransferHandler> vendors;

  public CoreProfile(
      CoreSettings settings,
      Authorization authorization,
      ChargerRepository chargers,
      ChargerAuthRepository auth,
      ConnectorStatusRepository statuses,
      EventRepository events,
      Map<String, DataTransferHandler> vendors) {
    this.settings = settings;
    this.authorization = authorization;
    this.chargers = chargers;
    this.auth = auth;
    this.statuses = statuses;
    this.events = events;
    this.vendors = Map.copyOf(vendors);
  }

  public Handlers register(Handlers handlers) {
    return handlers
        .on(Action.BOOT_NOTIFICATION, BootNotificationRequest.class, this::boot)
        .on(Action.HEARTBEAT, HeartbeatRequest.class, this::heartbeat)
        .on(Action.STATUS_NOTIFICATION, StatusNotificationRequest.class, this::status)
        .on(Action.AUTHORIZE, AuthorizeRequest.class, this::authorize)
        .on(Action.DATA_TRANSFER, DataTransferRequest.class, this::dataTransfer);
  }

  BootNotificationResponse boot(CallContext c, BootNotificationRequest r) {
    // Admitted unknown by admission: pending, it waits for an operator (1.6 §4.2: Pending, the
    // charger retries BootNotification after the interval).
    RegistrationStatus status =
        auth.pending(c.connection(), c.chargerId())
            ? RegistrationStatus.PENDING
            : settings.bootStatus();
    chargers.recordBoot(
        c.connection(),
        c.chargerId(),
        new ChargerRepository.BootDetails(
            r.chargePointVendor(),
            r.chargePointModel(),
            r.chargePointSerialNumber(),
            r.chargeBoxSerialNumber(),
            r.firmwareVersion(),
            r.iccid(),
            r.imsi(),
            r.meterType(),
            r.meterSerialNumber()),
        status.wire(),
        c.receivedAt());
    return new BootNotificationResponse(
        status, c.now(), (int) settings.heartbeatInterval().toSeconds());
  }

  HeartbeatResponse heartbeat(CallContext c, HeartbeatRequest r) {
    chargers.recordHeartbeat(c.writes(), c.chargerId(), c.receivedAt());
    return new HeartbeatResponse(c.now());
  }

  StatusNotificationResponse status(CallContext c, StatusNotificationRequest r) {
    statuses.record(
        c.writes(),
        c.chargerId(),
        c.callId(),
        new ConnectorStatusRepository.StatusReport(
            r.connectorId(),
            r.status().wire(),
            r.errorCode().wire(),
            r.info(),
            r.vendorId(),
            r.vendorErrorCode(),
            r.timestamp()),
        c.receivedAt());
    c.afterCommit()
        .publish(
            new ChargerEvent.ConnectorStatusChanged(
                c.chargerId(),
                c.now(),
                r.connectorId(),
                r.status().wire(),
                r.errorCode().wire(),
                Optional.ofNullable(r.timestamp())));
    return new StatusNotificationResponse();
  }

  AuthorizeResponse authorize(CallContext c, AuthorizeRequest r) {
    return new AuthorizeResponse(authorization.authorize(c.connection(), r.idTag(), c.now()));
  }

  DataTransferResponse dataTransfer(CallContext c, DataTransferRequest r) {
    DataTransferHandler vendor = vendors.get(r.vendorId());
    DataTransferResponse response =
        vendor == null
            ? new DataTransferResponse(DataTransferStatus.UNKNOWN_VENDOR_ID, null)
            : vendor.handle(c, r);
    events.dataTransfer(
        c.connection(),
        c.chargerId(),
        c.callId(),
        r.vendorId(),
        r.messageId(),
        r.data(),
        response.status().wire(),
        c.receivedAt());
    return response;
  }
}
