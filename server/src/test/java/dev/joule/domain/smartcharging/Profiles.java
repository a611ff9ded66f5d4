package dev.joule.domain.smartcharging;

import dev.joule.ocpp.message.smartcharging.ChargingProfile;
import dev.joule.ocpp.message.smartcharging.ChargingProfileKindType;
import dev.joule.ocpp.message.smartcharging.ChargingProfilePurposeType;
import dev.joule.ocpp.message.smartcharging.ChargingRateUnitType;
import dev.joule.ocpp.message.smartcharging.ChargingSchedule;
import dev.joule.ocpp.message.smartcharging.ChargingSchedulePeriod;
import dev.joule.ocpp.message.smartcharging.RecurrencyKindType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-data builder for charging profiles: {@code Profiles.txDefault(1, 0).at(t).period(0, 16)}.
 */
final class Profiles {
  private final int id;
  private final int stackLevel;
  private final ChargingProfilePurposeType purpose;
  private ChargingProfileKindType kind = ChargingProfileKindType.ABSOLUTE;
  private RecurrencyKindType recurrency;
  private Integer transactionId;
  private Instant validFrom;
  private Instant validTo;
  private Instant startSchedule;
  private Integer duration;
  private ChargingRateUnitType unit = ChargingRateUnitType.A;
  private final List<ChargingSchedulePeriod> periods = new ArrayList<>();

  private Profiles(int id, int stackLevel, ChargingProfilePurposeType purpose) {
    this.id = id;
    this.stackLevel = stackLevel;
    this.purpose = purpose;
  }

  static Profiles max(int id, int stackLevel) {
    return new Profiles(id, stackLevel, ChargingProfilePurposeType.CHARGE_POINT_MAX_PROFILE);
  }

  static Profiles txDefault(int id, int stackLevel) {
    return new Profiles(id, stackLevel, ChargingProfilePurposeType.TX_DEFAULT_PROFILE);
  }

  static Profiles tx(int id, int stackLevel) {
    return new Profiles(id, stackLevel, ChargingProfilePurposeType.TX_PROFILE);
  }

  Profiles at(Instant start) {
    this.startSchedule = start;
    return this;
  }

  Profiles relative() {
    this.kind = ChargingProfileKindType.RELATIVE;
    return this;
  }

  Profiles recurring(RecurrencyKindType recurrency) {
    this.kind = ChargingProfileKindType.RECURRING;
    this.recurrency = recurrency;
    return this;
  }

  Profiles kind(ChargingProfileKindType kind) {
    this.kind = kind;
    return this;
  }

  Profiles transaction(int transactionId) {
    this.transactionId = transactionId;
    return this;
  }

  Profiles valid(Instant from, Instant to) {
    this.validFrom = from;
    this.validTo = to;
    return this;
  }

  Profiles duration(int seconds) {
    this.duration = seconds;
    return this;
  }

  Profiles watts() {
    this.unit = ChargingRateUnitType.W;
    return this;
  }

  Profiles period(int startPeriod, double limit) {
    periods.add(new ChargingSchedulePeriod(startPeriod, limit, null));
    return this;
  }

  Profiles period(int startPeriod, double limit, int numberPhases) {
    periods.add(new ChargingSchedulePeriod(startPeriod, limit, numberPhases));
    return this;
  }

  ChargingProfile build() {
    return new ChargingProfile(
        id,
        transactionId,
        stackLevel,
        purpose,
        kind,
        recurrency,
        validFrom,
        validTo,
        new ChargingSchedule(duration, startSchedule, unit, periods, null));
  }

  InstalledProfile on(int connectorId, Instant installedAt) {
    return new InstalledProfile(connectorId, build(), installedAt);
  }
}
