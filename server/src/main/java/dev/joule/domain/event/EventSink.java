package dev.joule.domain.event;

/**
 * Where facts go once they are committed. {@link #publish} never blocks and never throws: it is
 * called from event loops and from processing threads.
 */
@FunctionalInterface
public interface EventSink {
  /** Drops every event: for tools and tests that do not watch events. */
  EventSink NONE = event -> {};

  void publish(ChargerEvent event);
}
