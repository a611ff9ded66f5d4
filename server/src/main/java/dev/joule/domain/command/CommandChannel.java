package dev.joule.domain.command;

import dev.joule.ocpp.Request;
import java.util.concurrent.CompletableFuture;

/**
 * Hands a call to the connection holding a charger. Implemented over the gateway in {@code app}.
 * The future always completes normally, with what became of the call; never later than the
 * gateway's call timeout after the call was sent.
 */
@FunctionalInterface
public interface CommandChannel {
  CompletableFuture<Delivery> deliver(String chargerId, Request request);
}
