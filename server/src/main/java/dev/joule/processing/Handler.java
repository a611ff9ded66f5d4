package dev.joule.processing;

import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;

/**
 * Answers one charger-initiated action: translates the request, calls domain services, returns the
 * response. Throwing {@link dev.joule.ocpp.OcppViolation} answers with its CALLERROR; anything else
 * answers InternalError. Handlers must be idempotent: a message may be delivered again.
 */
@FunctionalInterface
public interface Handler<Q extends Request> {
  Response handle(CallContext context, Q request);
}
