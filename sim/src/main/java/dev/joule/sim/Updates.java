package dev.joule.sim;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.message.firmware.DiagnosticsStatus;
import dev.joule.ocpp.message.firmware.DiagnosticsStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.FirmwareStatus;
import dev.joule.ocpp.message.firmware.FirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.firmware.GetDiagnosticsRequest;
import dev.joule.ocpp.message.firmware.GetDiagnosticsResponse;
import dev.joule.ocpp.message.firmware.UpdateFirmwareRequest;
import dev.joule.ocpp.message.firmware.UpdateFirmwareResponse;
import dev.joule.ocpp.message.security.FirmwareStatusEnumType;
import dev.joule.ocpp.message.security.GetLogRequest;
import dev.joule.ocpp.message.security.GetLogResponse;
import dev.joule.ocpp.message.security.LogStatusEnumType;
import dev.joule.ocpp.message.security.LogStatusNotificationRequest;
import dev.joule.ocpp.message.security.SignedFirmwareStatusNotificationRequest;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareRequest;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareResponse;
import dev.joule.ocpp.message.security.UpdateFirmwareStatusEnumType;
import dev.joule.ocpp.message.security.UploadLogStatusEnumType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a simulated charger does with a firmware update, a diagnostics or a log request: its answer,
 * then the notifications it sends, each {@code step} after the one before (the first after the
 * retrieve date for firmware). UpdateFirmware: Downloading, Downloaded, Installing, a
 * BootNotification with the new firmware version (the reboot), Installed (OCPP 1.6 §5.16: the
 * charger reports Installed once it runs the new firmware). SignedUpdateFirmware the same with
 * SignatureVerified after Downloaded (whitepaper edition 3). GetDiagnostics and GetLog: Uploading,
 * Uploaded. A failing update reports DownloadFailed after Downloading, or InstallationFailed after
 * Installing; a failing upload UploadFailed (UploadFailure). Pure: the charger runs the plan.
 */
final class Updates {
  /** The firmware version a simulated charger reports until it installs another. */
  static final String FIRMWARE = "joule-sim-0.1";

  private Updates() {}

  /** How it goes wrong, if it does. */
  enum Failure {
    NONE,
    EARLY,
    LATE
  }

  /** A CALL the charger sends {@code after} the previous one (or the answer). */
  record Step(Duration after, Action action, Request request) {}

  /** The answer to the command, then the steps. */
  record Plan(Response answer, List<Step> steps) {}

  /** The plan for {@code request}, empty if it is none of these commands. */
  static Optional<Plan> of(
      String chargerId, Request request, Instant now, Duration step, Failure failure) {
    return Optional.ofNullable(
        switch (request) {
          case UpdateFirmwareRequest update ->
              new Plan(
                  new UpdateFirmwareResponse(),
                  firmware(
                      chargerId,
                      update.location(),
                      wait(now, update.retrieveDate()),
                      step,
                      failure));
          case SignedUpdateFirmwareRequest signed ->
              new Plan(
                  new SignedUpdateFirmwareResponse(UpdateFirmwareStatusEnumType.ACCEPTED),
                  signed(
                      chargerId,
                      signed,
                      wait(now, signed.firmware().retrieveDateTime()),
                      step,
                      failure));
          case GetDiagnosticsRequest diagnostics ->
              new Plan(
                  new GetDiagnosticsResponse(fileName("diagnostics", chargerId)),
                  List.of(
                      new Step(
                          step,
                          Action.DIAGNOSTICS_STATUS_NOTIFICATION,
                          diagnostics(DiagnosticsStatus.UPLOADING)),
                      new Step(
                          step,
                          Action.DIAGNOSTICS_STATUS_NOTIFICATION,
                          diagnostics(
                              failure == Failure.NONE
                                  ? DiagnosticsStatus.UPLOADED
                                  : DiagnosticsStatus.UPLOAD_FAILED))));
          case GetLogRequest log ->
              new Plan(
                  new GetLogResponse(LogStatusEnumType.ACCEPTED, fileName("log", chargerId)),
                  List.of(
                      new Step(
                          step,
                          Action.LOG_STATUS_NOTIFICATION,
                          new LogStatusNotificationRequest(
                              UploadLogStatusEnumType.UPLOADING, log.requestId())),
                      new Step(
                          step,
                          Action.LOG_STATUS_NOTIFICATION,
                          new LogStatusNotificationRequest(
                              failure == Failure.NONE
                                  ? UploadLogStatusEnumType.UPLOADED
                                  : UploadLogStatusEnumType.UPLOAD_FAILURE,
                              log.requestId()))));
          default -> null;
        });
  }

  private static Duration wait(Instant now, Instant retrieve) {
    return retrieve.isAfter(now) ? Duration.between(now, retrieve) : Duration.ZERO;
  }

  private static List<Step> firmware(
      String chargerId, String location, Duration wait, Duration step, Failure failure) {
    List<Step> steps = new ArrayList<>();
    Action notification = Action.FIRMWARE_STATUS_NOTIFICATION;
    steps.add(new Step(wait.plus(step), notification, firmware(FirmwareStatus.DOWNLOADING)));
    if (failure == Failure.EARLY) {
      steps.add(new Step(step, notification, firmware(FirmwareStatus.DOWNLOAD_FAILED)));
      return steps;
    }
    steps.add(new Step(step, notification, firmware(FirmwareStatus.DOWNLOADED)));
    steps.add(new Step(step, notification, firmware(FirmwareStatus.INSTALLING)));
    if (failure == Failure.LATE) {
      steps.add(new Step(step, notification, firmware(FirmwareStatus.INSTALLATION_FAILED)));
      return steps;
    }
    steps.add(reboot(chargerId, location, step));
    steps.add(new Step(Duration.ZERO, notification, firmware(FirmwareStatus.INSTALLED)));
    return steps;
  }

  private static List<Step> signed(
      String chargerId,
      SignedUpdateFirmwareRequest request,
      Duration wait,
      Duration step,
      Failure failure) {
    int id = request.requestId();
    List<Step> steps = new ArrayList<>();
    Action notification = Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION;
    steps.add(
        new Step(wait.plus(step), notification, signed(FirmwareStatusEnumType.DOWNLOADING, id)));
    if (failure == Failure.EARLY) {
      steps.add(new Step(step, notification, signed(FirmwareStatusEnumType.DOWNLOAD_FAILED, id)));
      return steps;
    }
    steps.add(new Step(step, notification, signed(FirmwareStatusEnumType.DOWNLOADED, id)));
    steps.add(new Step(step, notification, signed(FirmwareStatusEnumType.SIGNATURE_VERIFIED, id)));
    steps.add(new Step(step, notification, signed(FirmwareStatusEnumType.INSTALLING, id)));
    if (failure == Failure.LATE) {
      steps.add(
          new Step(step, notification, signed(FirmwareStatusEnumType.INSTALLATION_FAILED, id)));
      return steps;
    }
    steps.add(reboot(chargerId, request.firmware().location(), step));
    steps.add(new Step(Duration.ZERO, notification, signed(FirmwareStatusEnumType.INSTALLED, id)));
    return steps;
  }

  /** The BootNotification after the reboot into the new firmware, named after its file. */
  private static Step reboot(String chargerId, String location, Duration step) {
    return new Step(
        step, Action.BOOT_NOTIFICATION, Requests.bootNotification(chargerId, version(location)));
  }

  /** The last path segment of the firmware's location, at most 50 characters (CiString50). */
  static String version(String location) {
    String path = location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.isEmpty()) {
      name = FIRMWARE + "-updated";
    }
    return name.length() <= 50 ? name : name.substring(0, 50);
  }

  private static String fileName(String what, String chargerId) {
    String name = what + "-" + chargerId + ".zip";
    return name.length() <= 255 ? name : name.substring(0, 255);
  }

  private static FirmwareStatusNotificationRequest firmware(FirmwareStatus status) {
    return new FirmwareStatusNotificationRequest(status);
  }

  private static SignedFirmwareStatusNotificationRequest signed(
      FirmwareStatusEnumType status, int requestId) {
    return new SignedFirmwareStatusNotificationRequest(status, requestId);
  }

  private static DiagnosticsStatusNotificationRequest diagnostics(DiagnosticsStatus status) {
    return new DiagnosticsStatusNotificationRequest(status);
  }
}
