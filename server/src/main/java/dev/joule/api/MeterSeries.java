package dev.joule.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A transaction's energy and power over time, from the samples {@code GET
 * /transactions/{id}/meter-values} serves: energy from the Energy.Active.Import.Register samples
 * that {@link Energy} counts (Wh since meterStart), power from Power.Active.Import samples of the
 * same kind (no phase, at the outlet, raw), in W. Oldest first.
 *
 * @param truncated whether the transaction has more samples than were read
 */
public record MeterSeries(List<Point> energyWh, List<Point> powerW, boolean truncated) {
  static final String POWER = "Power.Active.Import";

  public record Point(Instant at, double value) {}

  static MeterSeries of(int meterStart, List<MeterSampleView> samples, boolean truncated) {
    List<Point> energy = new ArrayList<>();
    List<Point> power = new ArrayList<>();
    for (MeterSampleView sample : samples) {
      if (!whole(sample)) {
        continue;
      }
      if (Energy.REGISTER.equals(sample.measurand())) {
        OptionalLong wh = Energy.sinceStart(meterStart, sample.value(), sample.unit());
        if (wh.isPresent()) {
          energy.add(new Point(sample.timestamp(), wh.getAsLong()));
        }
      } else if (POWER.equals(sample.measurand())) {
        watts(sample).ifPresent(w -> power.add(new Point(sample.timestamp(), w)));
      }
    }
    return new MeterSeries(List.copyOf(energy), List.copyOf(power), truncated);
  }

  /** Not per phase, at the outlet (OCPP's default location), raw: one reading of the whole. */
  private static boolean whole(MeterSampleView sample) {
    return sample.phase() == null
        && (sample.location() == null || sample.location().equals("Outlet"))
        && (sample.format() == null || sample.format().equals("Raw"));
  }

  private static OptionalDouble watts(MeterSampleView sample) {
    double value;
    try {
      value = new BigDecimal(sample.value().strip()).doubleValue();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
    if (sample.unit() == null || sample.unit().equals("W")) {
      return OptionalDouble.of(value);
    }
    if (sample.unit().equals("kW")) {
      return OptionalDouble.of(value * 1000);
    }
    return OptionalDouble.empty();
  }
}
