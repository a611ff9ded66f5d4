package dev.joule.ocpp;

import dev.joule.ocpp.message.core.AuthorizeRequest;
import dev.joule.ocpp.message.core.AuthorizeResponse;
import dev.joule.ocpp.message.core.BootNotificationRequest;
import dev.joule.ocpp.message.core.BootNotificationResponse;
import dev.joule.ocpp.message.core.ChangeAvailabilityRequest;
import dev.joule.ocpp.message.core.ChangeAvailabilityResponse;
import dev.joule.ocpp.message.core.ChangeConfigurationRequest;
import dev.joule.ocpp.message.core.ChangeConfigurationResponse;
import dev.joule.ocpp.message.core.ClearCacheRequest;
import dev.joule.ocpp.message.core.ClearCacheResponse;
import dev.joule.ocpp.message.core.DataTransferRequest;
import dev.joule.ocpp.message.core.DataTransferResponse;
import dev.joule.ocpp.message.core.GetConfigurationRequest;
import dev.joule.ocpp.message.core.GetConfigurationResponse;
import dev.joule.ocpp.message.core.HeartbeatRequest;
import dev.joule.ocpp.message.core.HeartbeatResponse;
import dev.joule.ocpp.message.core.MeterValuesRequest;
import dev.joule.ocpp.message.core.MeterValuesResponse;
import dev.joule.ocpp.message.core.RemoteStartTransactionRequest;
import dev.joule.ocpp.message.core.RemoteStartTransactionResponse;
import dev.joule.ocpp.message.core.RemoteStopTransactionRequest;
import dev.joule.ocpp.message.core.RemoteStopTransactionResponse;
import dev.joule.ocpp.message.core.ResetRequest;
import dev.joule.ocpp.message.core.ResetResponse;
import dev.joule.ocpp.message.core.StartTransactionRequest;
import dev.joule.ocpp.message.core.StartTransactionResponse;
import dev.joule.ocpp.message.core.StatusNotificationRequest;
import dev.joule.ocpp.message.core.StatusNotificationResponse;
import dev.joule.ocpp.message.core.StopTransactionRequest;
import dev.joule.ocpp.message.core.StopTransactionResponse;
import dev.joule.ocpp.message.core.UnlockConnectorRequest;
import dev.joule.ocpp.message.core.UnlockConnectorResponse;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationResponse;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationResponse;
import dev.joule.ocpp.message.firmware.GetDiagnosticsRequest;
import dev.joule.ocpp.message.firmware.GetDiagnosticsResponse;
import dev.joule.ocpp.message.firmware.UpdateFirmwareRequest;
import dev.joule.ocpp.message.firmware.UpdateFirmwareResponse;
import dev.joule.ocpp.message.localauth.GetLocalListVersionRequest;
import dev.joule.ocpp.message.localauth.GetLocalListVersionResponse;
import dev.joule.ocpp.message.localauth.SendLocalListRequest;
import dev.joule.ocpp.message.localauth.SendLocalListResponse;
import dev.joule.ocpp.message.reservation.CancelReservationRequest;
import dev.joule.ocpp.message.reservation.CancelReservationResponse;
import dev.joule.ocpp.message.reservation.ReserveNowRequest;
import dev.joule.ocpp.message.reservation.ReserveNowResponse;
import dev.joule.ocpp.message.security.CertificateSignedRequest;
import dev.joule.ocpp.message.security.CertificateSignedResponse;
import dev.joule.ocpp.message.security.DeleteCertificateRequest;
import dev.joule.ocpp.message.security.DeleteCertificateResponse;
import dev.joule.ocpp.message.security.ExtendedTriggerMessageRequest;
import dev.joule.ocpp.message.security.ExtendedTriggerMessageResponse;
import dev.joule.ocpp.message.security.GetInstalledCertificateIdsRequest;
import dev.joule.ocpp.message.security.GetInstalledCertificateIdsResponse;
import dev.joule.ocpp.message.security.GetLogRequest;
import dev.joule.ocpp.message.security.GetLogResponse;
import dev.joule.ocpp.message.security.InstallCertificateRequest;
import dev.joule.ocpp.message.security.InstallCertificateResponse;
import dev.joule.ocpp.message.security.LogStatusNotificationRequest;
import dev.joule.ocpp.message.security.LogStatusNotificationResponse;
import dev.joule.ocpp.message.security.SecurityEventNotificationRequest;
import dev.joule.ocpp.message.security.SecurityEventNotificationResponse;
import dev.joule.ocpp.message.security.SignCertificateRequest;
import dev.joule.ocpp.message.security.SignCertificateResponse;
import dev.joule.ocpp.message.security.SignedFirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.security.SignedFirmwareStatusNotificationResponse;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareRequest;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareResponse;
import dev.joule.ocpp.message.smartcharging.ClearChargingProfileRequest;
import dev.joule.ocpp.message.smartcharging.ClearChargingProfileResponse;
import dev.joule.ocpp.message.smartcharging.GetCompositeScheduleRequest;
import dev.joule.ocpp.message.smartcharging.GetCompositeScheduleResponse;
import dev.joule.ocpp.message.smartcharging.SetChargingProfileRequest;
import dev.joule.ocpp.message.smartcharging.SetChargingProfileResponse;
import dev.joule.ocpp.message.trigger.TriggerMessageRequest;
import dev.joule.ocpp.message.trigger.TriggerMessageResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The action table: every OCPP 1.6 action (six feature profiles and the security whitepaper edition
 * 3) with its wire name, request and response record, feature profile and direction. Dispatch,
 * commands, metrics and documentation derive their lists from this table.
 */
public enum Action implements WireEnum {
  AUTHORIZE(
      "Authorize",
      AuthorizeRequest.class,
      AuthorizeResponse.class,
      Profile.CORE,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  BOOT_NOTIFICATION(
      "BootNotification",
      BootNotificationRequest.class,
      BootNotificationResponse.class,
      Profile.CORE,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  CHANGE_AVAILABILITY(
      "ChangeAvailability",
      ChangeAvailabilityRequest.class,
      ChangeAvailabilityResponse.class,
      Profile.CORE,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  CHANGE_CONFIGURATION(
      "ChangeConfiguration",
      ChangeConfigurationRequest.class,
      ChangeConfigurationResponse.class,
      Profile.CORE,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  CLEAR_CACHE(
      "ClearCache",
      ClearCacheRequest.class,
      ClearCacheResponse.class,
      Profile.CORE,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  DATA_TRANSFER(
      "DataTransfer",
      DataTransferRequest.class,
      DataTransferResponse.class,
      Profile.CORE,
      Direction.BOTH),
  GET_CONFIGURATION(
      "GetConfiguration",
      GetConfigurationRequest.class,
      GetConfigurationResponse.class,
      Profile.CORE,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  HEARTBEAT(
      "Heartbeat",
      HeartbeatRequest.class,
      HeartbeatResponse.class,
      Profile.CORE,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  METER_VALUES(
      "MeterValues",
      MeterValuesRequest.class,
      MeterValuesResponse.class,
      Profile.CORE,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  REMOTE_START_TRANSACTION(
      "RemoteStartTransaction",
      RemoteStartTransactionRequest.class,
      RemoteStartTransactionResponse.class,
      Profile.CORE,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  REMOTE_STOP_TRANSACTION(
      "RemoteStopTransaction",
      RemoteStopTransactionRequest.class,
      RemoteStopTransactionResponse.class,
      Profile.CORE,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  RESET(
      "Reset",
      ResetRequest.class,
      ResetResponse.class,
      Profile.CORE,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  START_TRANSACTION(
      "StartTransaction",
      StartTransactionRequest.class,
      StartTransactionResponse.class,
      Profile.CORE,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  STATUS_NOTIFICATION(
      "StatusNotification",
      StatusNotificationRequest.class,
      StatusNotificationResponse.class,
      Profile.CORE,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  STOP_TRANSACTION(
      "StopTransaction",
      StopTransactionRequest.class,
      StopTransactionResponse.class,
      Profile.CORE,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  UNLOCK_CONNECTOR(
      "UnlockConnector",
      UnlockConnectorRequest.class,
      UnlockConnectorResponse.class,
      Profile.CORE,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  DIAGNOSTICS_STATUS_NOTIFICATION(
      "DiagnosticsStatusNotification",
      DiagnosticsStatusNotificationRequest.class,
      DiagnosticsStatusNotificationResponse.class,
      Profile.FIRMWARE_MANAGEMENT,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  FIRMWARE_STATUS_NOTIFICATION(
      "FirmwareStatusNotification",
      FirmwareStatusNotificationRequest.class,
      FirmwareStatusNotificationResponse.class,
      Profile.FIRMWARE_MANAGEMENT,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  GET_DIAGNOSTICS(
      "GetDiagnostics",
      GetDiagnosticsRequest.class,
      GetDiagnosticsResponse.class,
      Profile.FIRMWARE_MANAGEMENT,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  UPDATE_FIRMWARE(
      "UpdateFirmware",
      UpdateFirmwareRequest.class,
      UpdateFirmwareResponse.class,
      Profile.FIRMWARE_MANAGEMENT,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  GET_LOCAL_LIST_VERSION(
      "GetLocalListVersion",
      GetLocalListVersionRequest.class,
      GetLocalListVersionResponse.class,
      Profile.LOCAL_AUTH_LIST_MANAGEMENT,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  SEND_LOCAL_LIST(
      "SendLocalList",
      SendLocalListRequest.class,
      SendLocalListResponse.class,
      Profile.LOCAL_AUTH_LIST_MANAGEMENT,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  CANCEL_RESERVATION(
      "CancelReservation",
      CancelReservationRequest.class,
      CancelReservationResponse.class,
      Profile.RESERVATION,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  RESERVE_NOW(
      "ReserveNow",
      ReserveNowRequest.class,
      ReserveNowResponse.class,
      Profile.RESERVATION,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  CLEAR_CHARGING_PROFILE(
      "ClearChargingProfile",
      ClearChargingProfileRequest.class,
      ClearChargingProfileResponse.class,
      Profile.SMART_CHARGING,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  GET_COMPOSITE_SCHEDULE(
      "GetCompositeSchedule",
      GetCompositeScheduleRequest.class,
      GetCompositeScheduleResponse.class,
      Profile.SMART_CHARGING,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  SET_CHARGING_PROFILE(
      "SetChargingProfile",
      SetChargingProfileRequest.class,
      SetChargingProfileResponse.class,
      Profile.SMART_CHARGING,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  TRIGGER_MESSAGE(
      "TriggerMessage",
      TriggerMessageRequest.class,
      TriggerMessageResponse.class,
      Profile.REMOTE_TRIGGER,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  SIGN_CERTIFICATE(
      "SignCertificate",
      SignCertificateRequest.class,
      SignCertificateResponse.class,
      Profile.SECURITY,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  SECURITY_EVENT_NOTIFICATION(
      "SecurityEventNotification",
      SecurityEventNotificationRequest.class,
      SecurityEventNotificationResponse.class,
      Profile.SECURITY,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  SIGNED_FIRMWARE_STATUS_NOTIFICATION(
      "SignedFirmwareStatusNotification",
      SignedFirmwareStatusNotificationRequest.class,
      SignedFirmwareStatusNotificationResponse.class,
      Profile.SECURITY,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  LOG_STATUS_NOTIFICATION(
      "LogStatusNotification",
      LogStatusNotificationRequest.class,
      LogStatusNotificationResponse.class,
      Profile.SECURITY,
      Direction.CHARGE_POINT_TO_CENTRAL_SYSTEM),
  CERTIFICATE_SIGNED(
      "CertificateSigned",
      CertificateSignedRequest.class,
      CertificateSignedResponse.class,
      Profile.SECURITY,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  INSTALL_CERTIFICATE(
      "InstallCertificate",
      InstallCertificateRequest.class,
      InstallCertificateResponse.class,
      Profile.SECURITY,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  DELETE_CERTIFICATE(
      "DeleteCertificate",
      DeleteCertificateRequest.class,
      DeleteCertificateResponse.class,
      Profile.SECURITY,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  GET_INSTALLED_CERTIFICATE_IDS(
      "GetInstalledCertificateIds",
      GetInstalledCertificateIdsRequest.class,
      GetInstalledCertificateIdsResponse.class,
      Profile.SECURITY,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  GET_LOG(
      "GetLog",
      GetLogRequest.class,
      GetLogResponse.class,
      Profile.SECURITY,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  EXTENDED_TRIGGER_MESSAGE(
      "ExtendedTriggerMessage",
      ExtendedTriggerMessageRequest.class,
      ExtendedTriggerMessageResponse.class,
      Profile.SECURITY,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT),
  SIGNED_UPDATE_FIRMWARE(
      "SignedUpdateFirmware",
      SignedUpdateFirmwareRequest.class,
      SignedUpdateFirmwareResponse.class,
      Profile.SECURITY,
      Direction.CENTRAL_SYSTEM_TO_CHARGE_POINT);

  private static final Map<String, Action> BY_WIRE = new HashMap<>();
  private static final Map<Class<?>, Action> BY_REQUEST = new HashMap<>();

  static {
    for (Action action : values()) {
      BY_WIRE.put(action.wire, action);
      BY_REQUEST.put(action.requestType, action);
    }
  }

  private final String wire;
  private final Class<? extends Request> requestType;
  private final Class<? extends Response> responseType;
  private final Profile profile;
  private final Direction direction;

  Action(
      String wire,
      Class<? extends Request> requestType,
      Class<? extends Response> responseType,
      Profile profile,
      Direction direction) {
    this.wire = wire;
    this.requestType = requestType;
    this.responseType = responseType;
    this.profile = profile;
    this.direction = direction;
  }

  /** The action name as sent in a CALL; case-sensitive (OCPP-J §4.2.1). */
  @Override
  public String wire() {
    return wire;
  }

  public Class<? extends Request> requestType() {
    return requestType;
  }

  public Class<? extends Response> responseType() {
    return responseType;
  }

  public Profile profile() {
    return profile;
  }

  public Direction direction() {
    return direction;
  }

  /** The action with this exact wire name. */
  public static Optional<Action> fromWire(String wire) {
    return Optional.ofNullable(BY_WIRE.get(wire));
  }

  /** The action whose request record is {@code type}. */
  public static Action ofRequest(Class<? extends Request> type) {
    Action action = BY_REQUEST.get(type);
    if (action == null) {
      throw new IllegalArgumentException("not an OCPP request type: " + type.getName());
    }
    return action;
  }
}
