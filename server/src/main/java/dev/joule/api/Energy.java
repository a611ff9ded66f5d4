package dev.joule.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalLong;

/**
 * The energy of a transaction in Wh. A stopped one: {@code meterStop - meterStart}. An open one:
 * the latest Energy.Active.Import.Register sample of the transaction (no phase, at the outlet, raw
 * format) converted to Wh, minus {@code meterStart}: both are readings of the same cumulative
 * register (OCPP 1.6 StartTransaction.req meterStart, SampledValue).
 */
final class Energy {
  static final String REGISTER = "Energy.Active.Import.Register";

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Energy() {}

  static long stopped(int meterStart, int meterStop) {
    return (long) meterStop - meterStart;
  }

  /**
   * The energy since {@code meterStart} of a register reading in {@code unit} (Wh when absent,
   * OCPP's default for SampledValue.unit, or kWh), rounded to a whole Wh; empty if the value is not
   * a number or the unit is another.
   */
  static OptionalLong sinceStart(int meterStart, String registerValue, String unit) {
    BigDecimal reading;
    try {
      reading = new BigDecimal(registerValue.strip());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
    BigDecimal wattHours;
    if (unit == null || unit.equals("Wh")) {
      wattHours = reading;
    } else if (unit.equals("kWh")) {
      wattHours = reading.multiply(THOUSAND);
    } else {
      return OptionalLong.empty();
    }
    BigDecimal energy = wattHours.subtract(BigDecimal.valueOf(meterStart));
    return OptionalLong.of(energy.setScale(0, RoundingMode.HALF_UP).longValueExact());
  }
}
