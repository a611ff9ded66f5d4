package dev.joule.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActionTest {
  private static final Map<Profile, String> PACKAGE =
      Map.of(
          Profile.CORE, "core",
          Profile.FIRMWARE_MANAGEMENT, "firmware",
          Profile.LOCAL_AUTH_LIST_MANAGEMENT, "localauth",
          Profile.RESERVATION, "reservation",
          Profile.SMART_CHARGING, "smartcharging",
          Profile.REMOTE_TRIGGER, "trigger",
          Profile.SECURITY, "security");

  @Test
  void tableHoldsEveryActionOfTheSixProfilesAndTheSecurityWhitepaper() {
    Set<String> sixProfiles = names(a -> a.profile() != Profile.SECURITY);
    Set<String> security = names(a -> a.profile() == Profile.SECURITY);

    assertThat(sixProfiles)
        .containsExactlyInAnyOrder(
            "Authorize",
            "BootNotification",
            "ChangeAvailability",
            "ChangeConfiguration",
            "ClearCache",
            "DataTransfer",
            "GetConfiguration",
            "Heartbeat",
            "MeterValues",
            "RemoteStartTransaction",
            "RemoteStopTransaction",
            "Reset",
            "StartTransaction",
            "StatusNotification",
            "StopTransaction",
            "UnlockConnector",
            "DiagnosticsStatusNotification",
            "FirmwareStatusNotification",
            "GetDiagnostics",
            "UpdateFirmware",
            "GetLocalListVersion",
            "SendLocalList",
            "CancelReservation",
            "ReserveNow",
            "ClearChargingProfile",
            "GetCompositeSchedule",
            "SetChargingProfile",
            "TriggerMessage");
    assertThat(security)
        .containsExactlyInAnyOrder(
            "SignCertificate",
            "SecurityEventNotification",
            "SignedFirmwareStatusNotification",
            "LogStatusNotification",
            "CertificateSigned",
            "InstallCertificate",
            "DeleteCertificate",
            "GetInstalledCertificateIds",
            "GetLog",
            "ExtendedTriggerMessage",
            "SignedUpdateFirmware");
  }

  @Test
  void centralSystemInitiates19OperationsAnd7FromTheWhitepaper() {
    assertThat(
            count(
                a ->
                    a.profile() != Profile.SECURITY
                        && a.direction().initiatedBy(Side.CENTRAL_SYSTEM)))
        .isEqualTo(19);
    assertThat(
            count(
                a ->
                    a.profile() == Profile.SECURITY
                        && a.direction().initiatedBy(Side.CENTRAL_SYSTEM)))
        .isEqualTo(7);
    assertThat(count(a -> a.direction().initiatedBy(Side.CHARGE_POINT))).isEqualTo(14);
    assertThat(names(a -> a.direction() == Direction.BOTH)).containsExactly("DataTransfer");
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void recordsAreNamedAfterTheActionAndLiveInTheirProfilePackage(Action action) {
    String pkg = "dev.joule.ocpp.message." + PACKAGE.get(action.profile());

    assertThat(action.requestType().getName()).isEqualTo(pkg + "." + action.wire() + "Request");
    assertThat(action.responseType().getName()).isEqualTo(pkg + "." + action.wire() + "Response");
    assertThat(action.requestType().isRecord()).isTrue();
    assertThat(action.responseType().isRecord()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void lookupsFindTheAction(Action action) {
    assertThat(Action.fromWire(action.wire())).contains(action);
    assertThat(Action.fromWire(action.wire().toLowerCase())).isEmpty();
    assertThat(Action.ofRequest(action.requestType())).isEqualTo(action);
  }

  @Test
  void everyProfileHasActions() {
    Set<Profile> used =
        Arrays.stream(Action.values()).map(Action::profile).collect(Collectors.toSet());

    assertThat(used).isEqualTo(EnumSet.allOf(Profile.class));
  }

  private static Set<String> names(java.util.function.Predicate<Action> filter) {
    return Arrays.stream(Action.values())
        .filter(filter)
        .map(Action::wire)
        .collect(Collectors.toSet());
  }

  private static long count(java.util.function.Predicate<Action> filter) {
    List<Action> all = List.of(Action.values());
    return all.stream().filter(filter).count();
  }
}
