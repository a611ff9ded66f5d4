package dev.joule.bus;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Carries replies from processors to the gateway that holds each charger's connection. */
public interface Replies {
  /**
   * Sends {@code reply} to {@code gateway}. Completes with true once the gateway has it, with false
   * when it could not be delivered (the gateway is gone, or stayed unreachable for the bus's retry
   * window); the processor acks the CALL when it completes either way.
   */
  CompletionStage<Boolean> publish(String gateway, Reply reply);

  /** Delivers the replies addressed to {@code gateway} to {@code handler}. */
  void subscribe(String gateway, Consumer<Reply> handler);
}
