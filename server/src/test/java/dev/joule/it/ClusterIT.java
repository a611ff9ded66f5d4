package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateway and processors as separate processes on NATS JetStream and the machine's PostgreSQL: a
 * processor killed or frozen costs the charger a wait of at most ack-wait, never an answer, and
 * never a doubled effect.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClusterIT {
  private static final String START =
      "[2,\"%s\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"tag-7\",\"meterStart\":%d,"
          + "\"timestamp\":\"2026-12-02T09:00:00Z\"}]";

  @TempDir Path dir;

  @Test
  void aCallSentWhileTheOnlyProcessorIsKilledIsAnsweredOnceByItsReplacement() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer gateway = cluster.inProcess("g1", "gateway,api,supervisor");
      Cluster.Node first = cluster.processor("p1");
      try (RawCharger charger = gateway.charger("CP-KILL")) {
        assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\",{\"status\":\"Accepted\"");

        first.kill();
        charger.send(START.formatted("s1", 100));
        cluster.processor("p2");

        assertThat(charger.next()).startsWith("[3,\"s1\",").contains("\"transactionId\":1");
        assertThat(charger.call("[2,\"h1\",\"Heartbeat\",{}]")).startsWith("[3,\"h1\"");
        assertThat(cluster.count("SELECT count(*) FROM charge_transaction")).isEqualTo(1);
      }
    }
  }

  @Test
  void aFrozenProcessorsCallsGoToTheOtherAndItsLateResultsChangeNothing() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      JouleServer gateway = cluster.inProcess("g1", "gateway,api,supervisor");
      Cluster.Node frozen = cluster.processor("p1");
      cluster.processor("p2");
      try (RawCharger charger = gateway.charger("CP-FREEZE")) {
        assertThat(charger.call(boot("b1"))).startsWith("[3,\"b1\"");

        frozen.signal("STOP");
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 10; i++) {
          long sent = System.nanoTime();
          assertThat(charger.call(START.formatted("s" + i, 1000 + i)))
              .startsWith("[3,\"s" + i + "\",")
              .contains("\"transactionId\":" + (i + 1) + "}");
          Duration waited = Duration.ofNanos(System.nanoTime() - sent);
          longest = waited.compareTo(longest) > 0 ? waited : longest;
        }
        frozen.signal("CONT");

        // Whatever the resumed processor had leased is redelivered or discarded, never doubled.
        assertThat(longest).isLessThan(Duration.ofSeconds(10));
        assertThat(charger.call("[2,\"h1\",\"Heartbeat\",{}]")).startsWith("[3,\"h1\"");
        assertThat(charger.call("[2,\"h2\",\"Heartbeat\",{}]")).startsWith("[3,\"h2\"");
        assertThat(cluster.count("SELECT count(*) FROM charge_transaction")).isEqualTo(10);
      }
    }
  }

  private static String boot(String id) {
    return "[2,\""
        + id
        + "\",\"BootNotification\",{\"chargePointVendor\":\"Joule\",\"chargePointModel\":\"IT\"}]";
  }
}
