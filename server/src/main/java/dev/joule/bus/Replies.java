package dev.joule.bus;

import java.util.function.Consumer;

/** Carries replies from processors to the gateway that holds each charger's connection. */
public interface Replies {
  /** Sends {@code reply} to {@code gateway}; a reply for a gateway that is gone is dropped. */
  void publish(String gateway, Reply reply);

  /** Delivers the replies addressed to {@code gateway} to {@code handler}. */
  void subscribe(String gateway, Consumer<Reply> handler);
}
