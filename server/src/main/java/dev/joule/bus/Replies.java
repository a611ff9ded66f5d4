package dev.joule.bus;

import java.util.List;
import java.util.concurrent.CompletableFuture;
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

  /**
   * Sends {@code replies}, all for {@code gateway}, as {@link #publish} would each. Completes with
   * true once the gateway has every one of them, false otherwise. A bus may carry them together
   * (one message and one confirmation for the lot); this default sends them one by one.
   */
  default CompletionStage<Boolean> publishAll(String gateway, List<Reply> replies) {
    CompletableFuture<Boolean> all = CompletableFuture.completedFuture(true);
    for (Reply reply : replies) {
      all = all.thenCombine(publish(gateway, reply), Boolean::logicalAnd);
    }
    return all;
  }

  /** Delivers the replies addressed to {@code gateway} to {@code handler}. */
  void subscribe(String gateway, Consumer<Reply> handler);
}
