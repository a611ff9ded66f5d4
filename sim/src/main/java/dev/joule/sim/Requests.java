package dev.joule.sim;

import dev.joule.ocpp.message.core.BootNotificationRequest;
import dev.joule.ocpp.message.core.ChargePointErrorCode;
import dev.joule.ocpp.message.core.ChargePointStatus;
import dev.joule.ocpp.message.core.HeartbeatRequest;
import dev.joule.ocpp.message.core.Location;
import dev.joule.ocpp.message.core.Measurand;
import dev.joule.ocpp.message.core.MeterValue;
import dev.joule.ocpp.message.core.MeterValuesRequest;
import dev.joule.ocpp.message.core.Phase;
import dev.joule.ocpp.message.core.ReadingContext;
import dev.joule.ocpp.message.core.Reason;
import dev.joule.ocpp.message.core.SampledValue;
import dev.joule.ocpp.message.core.StartTransactionRequest;
import dev.joule.ocpp.message.core.StatusNotificationRequest;
import dev.joule.ocpp.message.core.StopTransactionRequest;
import dev.joule.ocpp.message.core.UnitOfMeasure;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/** The requests a simulated charger sends, with plausible values for a three-phase 11 kW AC box. */
final class Requests {
  /** The one connector every simulated charger has. */
  static final int CONNECTOR_ID = 1;

  private static final HeartbeatRequest HEARTBEAT = new HeartbeatRequest();

  private Requests() {}

  static BootNotificationRequest bootNotification(String chargerId) {
    return bootNotification(chargerId, Updates.FIRMWARE);
  }

  /** The BootNotification of a charger running {@code firmwareVersion} (after an update). */
  static BootNotificationRequest bootNotification(String chargerId, String firmwareVersion) {
    String serial = chargerId.length() <= 25 ? chargerId : chargerId.substring(0, 25);
    return new BootNotificationRequest(
        "Joule", "Sim-11kW", serial, null, firmwareVersion, null, null, null, null);
  }

  static StatusNotificationRequest statusNotification(ChargePointStatus status, Instant now) {
    return new StatusNotificationRequest(
        CONNECTOR_ID, ChargePointErrorCode.NO_ERROR, null, status, now, null, null);
  }

  static HeartbeatRequest heartbeat() {
    return HEARTBEAT;
  }

  static StartTransactionRequest startTransaction(String idTag, long meterWh, Instant now) {
    return new StartTransactionRequest(CONNECTOR_ID, idTag, (int) meterWh, null, now);
  }

  static StopTransactionRequest stopTransaction(
      String idTag, int transactionId, long meterWh, Instant now) {
    return new StopTransactionRequest(
        idTag, (int) meterWh, now, transactionId, Reason.EV_DISCONNECTED, null);
  }

  /** The most sampled values one MeterValues carries ({@link #meterValues}). */
  static final int MAX_SAMPLES = 10;

  /**
   * One periodic sample of the first {@code samples} of ten values: energy register, power, current
   * and voltage per phase, state of charge and current offered (so 2 is energy and power).
   */
  static MeterValuesRequest meterValues(
      int transactionId, long meterWh, int samples, RandomGenerator random, Instant now) {
    double amps = 15 + random.nextDouble(1);
    int soc = (int) (meterWh / 500 % 100);
    List<SampledValue> sampled =
        List.of(
            sample(
                Long.toString(meterWh),
                Measurand.ENERGY_ACTIVE_IMPORT_REGISTER,
                null,
                UnitOfMeasure.WH),
            sample(format(amps * 230 * 3), Measurand.POWER_ACTIVE_IMPORT, null, UnitOfMeasure.W),
            sample(format(amps), Measurand.CURRENT_IMPORT, Phase.L1, UnitOfMeasure.A),
            sample(format(amps + 0.1), Measurand.CURRENT_IMPORT, Phase.L2, UnitOfMeasure.A),
            sample(format(amps - 0.1), Measurand.CURRENT_IMPORT, Phase.L3, UnitOfMeasure.A),
            sample(
                format(229 + random.nextDouble(2)), Measurand.VOLTAGE, Phase.L1_N, UnitOfMeasure.V),
            sample(
                format(229 + random.nextDouble(2)), Measurand.VOLTAGE, Phase.L2_N, UnitOfMeasure.V),
            sample(
                format(229 + random.nextDouble(2)), Measurand.VOLTAGE, Phase.L3_N, UnitOfMeasure.V),
            new SampledValue(
                Integer.toString(soc),
                ReadingContext.SAMPLE_PERIODIC,
                null,
                Measurand.SOC,
                null,
                Location.EV,
                UnitOfMeasure.PERCENT),
            sample("16", Measurand.CURRENT_OFFERED, null, UnitOfMeasure.A));
    return new MeterValuesRequest(
        CONNECTOR_ID, transactionId, List.of(new MeterValue(now, sampled.subList(0, samples))));
  }

  private static SampledValue sample(
      String value, Measurand measurand, Phase phase, UnitOfMeasure unit) {
    return new SampledValue(
        value, ReadingContext.SAMPLE_PERIODIC, null, measurand, phase, Location.OUTLET, unit);
  }

  /** One decimal, without the locale's separator. */
  private static String format(double value) {
    long tenths = Math.round(value * 10);
    return (tenths / 10) + "." + Math.abs(tenths % 10);
  }
}
