package dev.joule.domain.smartcharging;

import dev.joule.ocpp.message.smartcharging.ChargingProfile;
import dev.joule.ocpp.message.smartcharging.ChargingProfileKindType;
import dev.joule.ocpp.message.smartcharging.ChargingProfilePurposeType;
import dev.joule.ocpp.message.smartcharging.ChargingSchedule;
import dev.joule.ocpp.message.smartcharging.ChargingSchedulePeriod;
import java.util.List;
import java.util.Optional;

/**
 * The OCPP 1.6 rules a charging profile must follow before Joule sends it; each problem names the
 * rule and the field. The codec has already checked types, enums and ranges (§7.8–§7.14). Profiles
 * with the same connector, purpose and stackLevel are not a problem: the new one replaces the old
 * (§3.13.2), as the charger will.
 */
public final class ProfileRules {
  private ProfileRules() {}

  /** A broken rule: the field (path in the request) and what the rule says. */
  public record Problem(String field, String rule) {}

  /**
   * SetChargingProfile's rules that need no state: §5.16 / §7.8 ChargingProfile
   * (ChargePointMaxProfile only on connector 0, TxProfile only on a connector, transactionId only
   * with TxProfile) and the schedule's shape ({@link #schedule}).
   */
  public static Optional<Problem> setChargingProfile(int connectorId, ChargingProfile profile) {
    String purpose = profile.chargingProfilePurpose().wire();
    if (profile.chargingProfilePurpose() == ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE
        && connectorId != 0) {
      return problem("connectorId", purpose + " can only be set on connectorId 0 (§3.13.1)");
    }
    if (profile.chargingProfilePurpose() == ChargingProfilePurposeType.TX_PROFILE
        && connectorId == 0) {
      return problem(
          "connectorId",
          "TxProfile applies to one transaction: connectorId must not be 0 (§3.13.1)");
    }
    if (profile.transactionId() != null
        && profile.chargingProfilePurpose() != ChargingProfilePurposeType.TX_PROFILE) {
      return problem(
          "csChargingProfiles.transactionId", "only a TxProfile names a transaction (§7.8)");
    }
    return schedule("csChargingProfiles", profile);
  }

  /**
   * The TxProfile of a SetChargingProfile needs a transaction running on its connector, and the one
   * it names if it names one (§3.13.1, §5.16.1).
   */
  public static Optional<Problem> transaction(
      int connectorId, ChargingProfile profile, Optional<ActiveTransaction> running) {
    if (profile.chargingProfilePurpose() != ChargingProfilePurposeType.TX_PROFILE) {
      return Optional.empty();
    }
    if (running.isEmpty()) {
      return problem(
          "csChargingProfiles.chargingProfilePurpose",
          "a TxProfile needs an active transaction on connector " + connectorId + " (§3.13.1)");
    }
    Integer named = profile.transactionId();
    if (named != null && named != running.get().transactionId()) {
      return problem(
          "csChargingProfiles.transactionId",
          "transaction "
              + named
              + " is not the one active on connector "
              + connectorId
              + " ("
              + running.get().transactionId()
              + ", §5.16.1)");
    }
    return Optional.empty();
  }

  /**
   * RemoteStartTransaction.req's chargingProfile: a TxProfile without transactionId (§5.11, §6.33:
   * the transaction does not exist yet), and a well-formed schedule.
   */
  public static Optional<Problem> remoteStart(ChargingProfile profile) {
    if (profile.chargingProfilePurpose() != ChargingProfilePurposeType.TX_PROFILE) {
      return problem(
          "chargingProfile.chargingProfilePurpose",
          "RemoteStartTransaction's profile must be a TxProfile (§5.11)");
    }
    if (profile.transactionId() != null) {
      return problem(
          "chargingProfile.transactionId",
          "RemoteStartTransaction's profile cannot name a transaction: it does not exist yet"
              + " (§5.11)");
    }
    return schedule("chargingProfile", profile);
  }

  /**
   * The schedule's shape: periods ascending from 0 (§7.13 startPeriod "the first period starts at
   * 0"), Recurring with a recurrencyKind and startSchedule, recurrencyKind only for Recurring, an
   * Absolute profile with its startSchedule (without one each charger picks its own start and Joule
   * cannot compute the schedule), validFrom before validTo, a positive duration, limits not
   * negative, 1 to 3 phases.
   */
  static Optional<Problem> schedule(String at, ChargingProfile profile) {
    ChargingSchedule schedule = profile.chargingSchedule();
    String field = at + ".chargingSchedule";
    ChargingProfileKindType kind = profile.chargingProfileKind();
    if (kind == ChargingProfileKindType.RECURRING && profile.recurrencyKind() == null) {
      return problem(at + ".recurrencyKind", "a Recurring profile needs Daily or Weekly (§7.8)");
    }
    if (kind != ChargingProfileKindType.RECURRING && profile.recurrencyKind() != null) {
      return problem(at + ".recurrencyKind", "only a Recurring profile has one (§7.8)");
    }
    if (kind == ChargingProfileKindType.RECURRING && schedule.startSchedule() == null) {
      return problem(
          field + ".startSchedule", "a Recurring profile needs the start of its recurrence (§7.9)");
    }
    if (profile.validFrom() != null
        && profile.validTo() != null
        && !profile.validFrom().isBefore(profile.validTo())) {
      return problem(at + ".validTo", "must be after validFrom");
    }
    if (schedule.duration() != null && schedule.duration() <= 0) {
      return problem(field + ".duration", "must be above 0 seconds");
    }
    List<ChargingSchedulePeriod> periods = schedule.chargingSchedulePeriod();
    if (periods.isEmpty()) {
      return problem(field + ".chargingSchedulePeriod", "needs at least one period (§7.9)");
    }
    for (int i = 0; i < periods.size(); i++) {
      ChargingSchedulePeriod period = periods.get(i);
      String item = field + ".chargingSchedulePeriod[" + i + "]";
      if (i == 0 && period.startPeriod() != 0) {
        return problem(item + ".startPeriod", "the first period starts at 0 (§7.13)");
      }
      if (i > 0 && period.startPeriod() <= periods.get(i - 1).startPeriod()) {
        return problem(
            item + ".startPeriod", "periods must be in ascending order of startPeriod (§7.13)");
      }
      if (period.limit() < 0) {
        return problem(item + ".limit", "must not be negative");
      }
      Integer phases = period.numberPhases();
      if (phases != null && (phases < 1 || phases > 3)) {
        return problem(item + ".numberPhases", "must be 1, 2 or 3");
      }
    }
    return Optional.empty();
  }

  private static Optional<Problem> problem(String field, String rule) {
    return Optional.of(new Problem(field, rule));
  }
}
