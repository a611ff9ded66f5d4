package dev.joule.app;

import dev.joule.cluster.HeldConnections;
import dev.joule.domain.command.CommandChannel;
import dev.joule.domain.command.Delivery;
import dev.joule.gateway.CallTimeoutException;
import dev.joule.gateway.ChargerOfflineException;
import dev.joule.gateway.Gateway;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.Frame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Commands go out through the gateway of this process (embedded mode: the only one; in a cluster,
 * for the chargers this node holds).
 */
final class GatewayCommandChannel implements CommandChannel, HeldConnections {
  private final Gateway gateway;

  GatewayCommandChannel(Gateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public CompletableFuture<Delivery> deliver(String chargerId, Request request) {
    return gateway
        .call(chargerId, request)
        .handle((frame, failure) -> failure == null ? answered(frame) : failed(failure));
  }

  @Override
  public CompletableFuture<Delivery> deliver(String chargerId, long epoch, Request request) {
    return gateway
        .call(chargerId, epoch, request)
        .handle((frame, failure) -> failure == null ? answered(frame) : failed(failure));
  }

  private static Delivery answered(Frame frame) {
    return switch (frame) {
      case Frame.CallResult result -> new Delivery.Answered(result.payloadJson());
      case Frame.CallError error ->
          new Delivery.Failed(error.errorCode(), error.errorDescription());
      case Frame.Invalid invalid ->
          new Delivery.Failed(
              invalid.errorCode(), "the charger's answer is malformed: " + invalid.description());
      case Frame.Call call ->
          new Delivery.Failed(ErrorCode.GENERIC_ERROR, "the charger answered with a CALL");
      case Frame.Unknown unknown ->
          new Delivery.Failed(ErrorCode.GENERIC_ERROR, "the charger answered an unknown frame");
    };
  }

  private static Delivery failed(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return switch (cause) {
      case ChargerOfflineException offline ->
          new Delivery.Offline(offline.sent(), offline.getMessage());
      case CallTimeoutException timeout -> new Delivery.TimedOut(timeout.getMessage());
      default ->
          new Delivery.Failed(
              ErrorCode.INTERNAL_ERROR, "Joule could not send the command: " + cause.getMessage());
    };
  }
}
