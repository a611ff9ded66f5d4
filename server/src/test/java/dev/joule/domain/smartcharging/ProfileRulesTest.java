package dev.joule.domain.smartcharging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.message.smartcharging.ChargingProfileKindType;
import dev.joule.ocpp.message.smartcharging.RecurrencyKindType;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {
  private static final Instant T = Instant.parse("2026-12-07T05:00:00Z");

  private static String field(Optional<ProfileRules.Problem> problem) {
    return problem.map(ProfileRules.Problem::field).orElse("(none)");
  }

  @Test
  void wellFormedProfilesPass() {
    assertThat(ProfileRules.setChargingProfile(0, Profiles.max(1, 0).at(T).period(0, 32).build()))
        .isEmpty();
    assertThat(
            ProfileRules.setChargingProfile(
                1, Profiles.txDefault(2, 0).relative().period(0, 6).period(60, 16).build()))
        .isEmpty();
  }

  @Test
  void chargePointMaxProfileOnlyOnConnectorZero() {
    Optional<ProfileRules.Problem> problem =
        ProfileRules.setChargingProfile(1, Profiles.max(1, 0).at(T).period(0, 32).build());

    assertThat(field(problem)).isEqualTo("connectorId");
    assertThat(problem.orElseThrow().rule()).contains("ChargePointMaxProfile", "connectorId 0");
  }

  @Test
  void txProfileNeedsAConnectorAndItsActiveTransaction() {
    var profile = Profiles.tx(1, 0).at(T).period(0, 6).build();
    var named = Profiles.tx(1, 0).at(T).period(0, 6).transaction(9).build();
    var running = Optional.of(new ActiveTransaction(8, T, T));

    assertThat(field(ProfileRules.setChargingProfile(0, profile))).isEqualTo("connectorId");
    assertThat(ProfileRules.transaction(1, profile, Optional.empty()).orElseThrow().rule())
        .contains("needs an active transaction on connector 1");
    assertThat(ProfileRules.transaction(1, profile, running)).isEmpty();
    assertThat(field(ProfileRules.transaction(1, named, running)))
        .isEqualTo("csChargingProfiles.transactionId");
  }

  @Test
  void onlyATxProfileNamesATransaction() {
    assertThat(
            field(
                ProfileRules.setChargingProfile(
                    1, Profiles.txDefault(1, 0).at(T).period(0, 6).transaction(3).build())))
        .isEqualTo("csChargingProfiles.transactionId");
  }

  @Test
  void periodsStartAtZeroAndAscend() {
    assertThat(
            field(
                ProfileRules.setChargingProfile(
                    1, Profiles.txDefault(1, 0).at(T).period(10, 6).build())))
        .isEqualTo("csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].startPeriod");
    assertThat(
            field(
                ProfileRules.setChargingProfile(
                    1,
                    Profiles.txDefault(1, 0)
                        .at(T)
                        .period(0, 6)
                        .period(600, 8)
                        .period(600, 10)
                        .build())))
        .isEqualTo("csChargingProfiles.chargingSchedule.chargingSchedulePeriod[2].startPeriod");
    assertThat(field(ProfileRules.setChargingProfile(1, Profiles.txDefault(1, 0).at(T).build())))
        .isEqualTo("csChargingProfiles.chargingSchedule.chargingSchedulePeriod");
  }

  @Test
  void recurrenceAndStartScheduleGoTogetherWithTheKind() {
    var recurringWithoutKind =
        Profiles.txDefault(1, 0).kind(ChargingProfileKindType.RECURRING).at(T).period(0, 6);
    var recurringWithoutStart =
        Profiles.txDefault(1, 0).recurring(RecurrencyKindType.DAILY).period(0, 6);
    var relativeRecurring =
        Profiles.txDefault(1, 0).recurring(RecurrencyKindType.DAILY).relative().period(0, 6);

    assertThat(field(ProfileRules.setChargingProfile(1, recurringWithoutKind.build())))
        .isEqualTo("csChargingProfiles.recurrencyKind");
    assertThat(field(ProfileRules.setChargingProfile(1, recurringWithoutStart.build())))
        .isEqualTo("csChargingProfiles.chargingSchedule.startSchedule");
    assertThat(ProfileRules.setChargingProfile(1, Profiles.txDefault(1, 0).period(0, 6).build()))
        .isEmpty();
    assertThat(field(ProfileRules.setChargingProfile(1, relativeRecurring.build())))
        .isEqualTo("csChargingProfiles.recurrencyKind");
  }

  @Test
  void validToAfterValidFrom() {
    assertThat(
            field(
                ProfileRules.setChargingProfile(
                    1, Profiles.txDefault(1, 0).at(T).valid(T, T).period(0, 6).build())))
        .isEqualTo("csChargingProfiles.validTo");
  }

  @Test
  void remoteStartProfileIsATxProfileWithoutTransaction() {
    assertThat(field(ProfileRules.remoteStart(Profiles.txDefault(1, 0).at(T).period(0, 6).build())))
        .isEqualTo("chargingProfile.chargingProfilePurpose");
    assertThat(
            field(
                ProfileRules.remoteStart(
                    Profiles.tx(1, 0).at(T).period(0, 6).transaction(4).build())))
        .isEqualTo("chargingProfile.transactionId");
    assertThat(field(ProfileRules.remoteStart(Profiles.tx(1, 0).relative().period(5, 6).build())))
        .isEqualTo("chargingProfile.chargingSchedule.chargingSchedulePeriod[0].startPeriod");
    assertThat(ProfileRules.remoteStart(Profiles.tx(1, 0).relative().period(0, 6).build()))
        .isEmpty();
  }
}
