package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.Min;
import dev.joule.ocpp.schema.Nullable;
import java.util.List;

/** OCPP 1.6 MeterValues.req (Core profile, charge point to central system). */
public record MeterValuesRequest(
    @Min(0) int connectorId, @Nullable Integer transactionId, List<MeterValue> meterValue)
    implements Request {
  public MeterValuesRequest {
    meterValue = List.copyOf(meterValue);
  }
}
