package dev.joule.app;

import dev.joule.bus.nats.NatsErrors;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;

/** Opens the cluster's NATS connection: a bounded retry at start, then reconnects forever. */
final class NatsConnection {
  private static final int ATTEMPTS = 5;
  private static final Duration PAUSE = Duration.ofSeconds(1);

  private NatsConnection() {}

  /** Closes {@code connection} after a failed start; an interrupt is kept for the caller. */
  static void close(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static Connection open(Config.Bus bus) {
    Options options =
        new Options.Builder()
            .server(bus.natsUrl())
            .connectionName(bus.cluster() + "/" + bus.nodeId())
            .connectionTimeout(Duration.ofSeconds(2))
            .maxReconnects(-1) // once up, a NATS restart is waited out, never a reason to stop
            .reconnectWait(Duration.ofMillis(500))
            .errorListener(new NatsErrors())
            .build();
    String reason = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return Nats.connect(options);
      } catch (IOException e) {
        reason = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      try {
        Thread.sleep(PAUSE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException(
        "NATS at "
            + bus.natsUrl()
            + " (nats-url) unreachable after "
            + ATTEMPTS
            + " attempts: "
            + reason);
  }
}
