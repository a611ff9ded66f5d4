package dev.joule.it;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
      HttpClient http = HttpClient.newHttpClient();
      List<LoadCharger> load = new ArrayList<>();
      List<IndependentLoad> independent = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        load.add(LoadCharger.connect(http, gateway.port(), "NATS-" + i, PAUSE));
      }
      for (int i = 0; i < 10; i++) {
        independent.add(IndependentLoad.connect(gateway.url("IND-" + i), "IND-" + i, PAUSE));
      }
      load.forEach(LoadCharger::start);
      independent.forEach(IndependentLoad::start);
      Load.awaitMoreAnswers(load, independent, 500);

      cluster.restartNats();
      Load.awaitMoreAnswers(load, independent, 500);
      cluster.restartNats();
      Load.awaitMoreAnswers(load, independent, 500);

      Load.stopAll(load, independent);
      Load.Ledger ledger = Load.ledger(load, independent);
      System.out.println("NatsRestartIT: " + ledger);
      ledger.assertExactlyOnce();
      ledger.assertEffectsSingle(cluster, "NATS-%");
    }
  }
}
