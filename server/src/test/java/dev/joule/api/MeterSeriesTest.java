package dev.joule.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterSeriesTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  private static MeterSampleView sample(
      int second, String measurand, String value, String unit, String phase, String format) {
    return new MeterSampleView(
        T0.plusSeconds(second),
        1,
        measurand,
        phase,
        null,
        value,
        unit,
        "Sample.Periodic",
        format,
        "MeterValues",
        T0.plusSeconds(second));
  }

  @Test
  void energyIsSinceMeterStartAndPowerIsInWattsFromWholeRawSamplesOnly() {
    MeterSeries series =
        MeterSeries.of(
            1000,
            List.of(
                sample(0, "Energy.Active.Import.Register", "1.5", "kWh", null, null),
                sample(0, "Power.Active.Import", "7.2", "kW", null, "Raw"),
                sample(0, "Power.Active.Import", "2400", "W", "L1", null),
                sample(0, "Current.Import", "16", "A", null, null),
                sample(60, "Energy.Active.Import.Register", "opaque", "Wh", null, "SignedData"),
                sample(60, "Energy.Active.Import.Register", "1800", null, null, null),
                sample(60, "Power.Active.Import", "6000", null, null, null),
                sample(60, "Power.Active.Import", "not a number", "W", null, null)),
            false);

    assertThat(series.energyWh())
        .containsExactly(
            new MeterSeries.Point(T0, 500), new MeterSeries.Point(T0.plusSeconds(60), 800));
    assertThat(series.powerW())
        .containsExactly(
            new MeterSeries.Point(T0, 7200), new MeterSeries.Point(T0.plusSeconds(60), 6000));
  }
}
