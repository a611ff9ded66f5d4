package dev.joule.gateway;

import java.time.Instant;

/**
 * Receives every frame in and out of every connection, for the message log. Must not block: the
 * gateway calls it on the event loop.
 */
public interface FrameLog {
  FrameLog NONE = (chargerId, inbound, frame, at) -> {};

  void record(String chargerId, boolean inbound, String frame, Instant at);
}
