package dev.joule.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Which chargers hold a connection right now, as the gateway knows it. Implemented by the gateway,
 * read by the API.
 */
public interface ChargerConnections {
  /** When the charger's current connection opened, if it is connected. */
  Optional<Instant> connectedSince(String chargerId);

  /** Every connected charger and when its connection opened. */
  Map<String, Instant> connected();

  /** Closes the charger's connection, if it has one here; does not block. */
  void disconnect(String chargerId, String reason);
}
