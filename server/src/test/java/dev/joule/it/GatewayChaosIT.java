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
 * A gateway node killed with {@code kill -9} under load: its 40 chargers reconnect to the other
 * gateway (as behind a load balancer) and send their CALL in flight again; 40 more chargers and 10
 * eu.chargetime chargers stay on the other gateway throughout. Every CALL is answered exactly once,
 * none waits 10 s, no effect is doubled, and InstanceGone fires for the killed gateway and resolves
 * when it is back under its id.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GatewayChaosIT {
  private static final Duration PAUSE = Duration.ofMillis(200);

  @TempDir Path dir;

  @Test
  void aKilledGatewaysChargersCarryOnAtTheOtherWithoutALostOrDoubledCall() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer g1 = cluster.inProcess("g1", "gateway,api,supervisor");
      Cluster.Node g2 = cluster.child("g2", "gateway");
      cluster.processor("p1");
      cluster.processor("p2");
      HttpClient http = HttpClient.newHttpClient();
      List<LoadCharger> load = new ArrayList<>();
      List<IndependentLoad> independent = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        load.add(LoadCharger.connect(http, List.of(g2.port(), g1.port()), "GW-MOVE-" + i, PAUSE));
        load.add(LoadCharger.connect(http, g1.port(), "GW-STAY-" + i, PAUSE));
      }
      for (int i = 0; i < 10; i++) {
        independent.add(IndependentLoad.connect(g1.url("IND-" + i), "IND-" + i, PAUSE));
      }
      load.forEach(LoadCharger::start);
      independent.forEach(IndependentLoad::start);
      Load.awaitMoreAnswers(load, independent, 1000);

      int goneFired = AlertHistory.count(g1, "InstanceGone", "firing");
      int goneResolved = AlertHistory.count(g1, "InstanceGone", "resolved");
      g2.kill();
      AlertHistory.await(g1, "InstanceGone", "firing", goneFired);
      Load.awaitMoreAnswers(load, independent, 1000);
      cluster.child("g2", "gateway"); // back under its id, as a service manager would
      AlertHistory.await(g1, "InstanceGone", "resolved", goneResolved);

      Load.stopAll(load, independent);
      long moved = load.stream().filter(c -> c.reconnects.get() > 0).count();
      Load.Ledger ledger = Load.ledger(load, independent);
      System.out.println("GatewayChaosIT: " + ledger + ", " + moved + " chargers moved");
      assertThat(moved).as("chargers that moved to g1").isEqualTo(40);
      ledger.assertExactlyOnce();
      ledger.assertEffectsSingle(cluster, "GW-%");
    }
  }
}
