package dev.joule.ocpp.message.core;

import java.time.Instant;
import java.util.List;

/** OCPP 1.6 MeterValue (Core profile). */
public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {
  public MeterValue {
    sampledValue = List.copyOf(sampledValue);
  }
}
