package dev.joule.ocpp.message.core;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.schema.MaxLength;
import dev.joule.ocpp.schema.Nullable;
import java.time.Instant;
import java.util.List;

/** OCPP 1.6 StopTransaction.req (Core profile, charge point to central system). */
public record StopTransactionRequest(
    @Nullable @MaxLength(20) String idTag,
    int meterStop,
    Instant timestamp,
    int transactionId,
    @Nullable Reason reason,
    @Nullable List<MeterValue> transactionData)
    implements Request {
  public StopTransactionRequest {
    transactionData = transactionData == null ? null : List.copyOf(transactionData);
  }
}
