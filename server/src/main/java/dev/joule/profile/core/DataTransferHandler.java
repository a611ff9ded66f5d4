package dev.joule.profile.core;

import dev.joule.ocpp.message.core.DataTransferRequest;
import dev.joule.ocpp.message.core.DataTransferResponse;
import dev.joule.processing.CallContext;

/** Handles the DataTransfer messages of one vendor (OCPP 1.6 §4.3: vendorId selects it). */
@FunctionalInterface
public interface DataTransferHandler {
  DataTransferResponse handle(CallContext context, DataTransferRequest request);
}
