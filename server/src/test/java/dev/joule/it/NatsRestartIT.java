package dev.joule.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NATS server restarted twice under load (SIGTERM and start, its JetStream store kept): every
 * node reconnects, every CALL is answered exactly once, none waits 10 s, no effect is doubled.
 * Replies are confirmed by the gateway, inbox publishes retried under a message id, and a CALL the
 * server dropped anyway (2.9.10 lost a few accepted around its shutdown) is published again by the
 * gateway at ack-wait + 2 s.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NatsRestartIT {
  private static final Duration PAUSE = Duration.ofMillis(200);

  @TempDir Path dir;

  @Test
  void aNatsRestartUnderLoadCostsNoAnswerAndDoublesNoEffect() throws Exception {
    try (Cluster cluster = Cluster.startWithOwnNats(dir)) {
      JouleServer gateway = cluster.inProcess("g1", "gateway,api,supervisor");
      cluster.processor("p1");
      cluster.processor("p2");
      Load.Chargers chargers = Load.start(gateway, "NATS", 40, 10, PAUSE, 500);

      cluster.restartNats();
      chargers.awaitMoreAnswers(500);
      cluster.restartNats();
      chargers.awaitMoreAnswers(500);

      Load.Ledger ledger = chargers.stop();
      System.out.println("NatsRestartIT: " + ledger);
      ledger.assertExactlyOnce();
      ledger.assertEffectsSingle(cluster, "NATS-%");
    }
  }
}
