package dev.joule.cluster;

import dev.joule.domain.command.Delivery;
import dev.joule.ocpp.Request;
import java.util.concurrent.CompletableFuture;

/**
 * This node's gateway as the cluster's command routing sees it: a call only for one connection
 * (epoch) of a charger, so a command routed for an old connection never reaches a newer one.
 */
@FunctionalInterface
public interface HeldConnections {
  /** Completes with Offline (not sent) when the charger's connection here is not {@code epoch}. */
  CompletableFuture<Delivery> deliver(String chargerId, long epoch, Request request);
}
