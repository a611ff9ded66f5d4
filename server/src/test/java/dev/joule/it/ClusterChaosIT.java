package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The mission at the instance level, under load: 80 of Joule's load chargers and 20 chargers of the
 * independent eu.chargetime client on a gateway node, three processor nodes in child JVMs. One
 * processor is killed (and restarted under its id, as systemd would), another is frozen for 20 s
 * and continued. Every CALL is answered exactly once, none waits 10 s, effects are not doubled, and
 * the alerts fire and resolve.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClusterChaosIT {
  private static final int LOAD_CHARGERS = 80;
  private static final int INDEPENDENT_CHARGERS = 20;
  private static final Duration PAUSE = Duration.ofMillis(200);
  private static final Duration FROZEN = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void killedAndFrozenProcessorsCostTheChargersNoAnswerAndDoubleNoEffect() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer gateway = cluster.inProcess("g1", "gateway,api,supervisor");
      Cluster.Node killed = cluster.processor("p1");
      Cluster.Node frozen = cluster.processor("p2");
      cluster.processor("p3");
      HttpClient http = HttpClient.newHttpClient();
      List<LoadCharger> load = new ArrayList<>();
      List<IndependentLoad> independent = new ArrayList<>();
      for (int i = 0; i < LOAD_CHARGERS; i++) {
        load.add(LoadCharger.connect(http, gateway.port(), "CHAOS-" + i, PAUSE));
      }
      for (int i = 0; i < INDEPENDENT_CHARGERS; i++) {
        independent.add(IndependentLoad.connect(gateway.url("IND-" + i), "IND-" + i, PAUSE));
      }
      load.forEach(LoadCharger::start);
      independent.forEach(IndependentLoad::start);
      Load.awaitMoreAnswers(load, independent, 1000);

      int goneFired = AlertHistory.count(gateway, "InstanceGone", "firing");
      int goneResolved = AlertHistory.count(gateway, "InstanceGone", "resolved");
      killed.kill();
      AlertHistory.await(gateway, "InstanceGone", "firing", goneFired);
      Load.awaitMoreAnswers(load, independent, 500);
      cluster.processor("p1"); // restarted under its id, as a service manager would
      AlertHistory.await(gateway, "InstanceGone", "resolved", goneResolved);

      int stallFired = AlertHistory.count(gateway, "ProcessingStalled", "firing");
      int stallResolved = AlertHistory.count(gateway, "ProcessingStalled", "resolved");
      frozen.signal("STOP");
      long frozenAt = System.nanoTime();
      AlertHistory.await(gateway, "ProcessingStalled", "firing", stallFired);
      Load.awaitMoreAnswers(load, independent, 500); // the other processors carry on
      Thread.sleep(Math.max(0, FROZEN.toMillis() - (System.nanoTime() - frozenAt) / 1_000_000));
      frozen.signal("CONT"); // its late results must change nothing
      Load.awaitMoreAnswers(load, independent, 500);

      Load.stopAll(load, independent);
      AlertHistory.await(gateway, "ProcessingStalled", "resolved", stallResolved);
      Load.Ledger ledger = Load.ledger(load, independent);
      System.out.println("ClusterChaosIT: " + ledger);
      ledger.assertExactlyOnce();
      ledger.assertEffectsSingle(cluster, "CHAOS-%");

      // The acting supervisor wrote down what healed the frozen instance.
      List<String> identified = IncidentsJson.texts(gateway, "identified");
      System.out.println("ClusterChaosIT: identified " + identified);
      assertThat(identified).anyMatch(text -> text.startsWith("instance p2 "));
    }
  }
}
