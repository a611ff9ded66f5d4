package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.store.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL is stopped under load and started again on the same port: answers are
 * delayed (or, past the reply deadline, CALLERRORs), never dropped, and nothing acknowledged is
 * lost or doubled.
 */
class DatabaseOutageIT {
  private static final int CHARGERS = 30;

  @TempDir Path dataDir;

  @Test
  @Timeout(120)
  void callsWaitOutADatabaseOutageAndEffectsStayExactlyOnce() throws Exception {
    EmbeddedPostgres restarted = null;
    try (JouleServer joule = JouleServer.start(dataDir, "message-log", "false")) {
      HttpClient client = HttpClient.newHttpClient();
      List<LoadCharger> chargers = new ArrayList<>();
      for (int i = 0; i < CHARGERS; i++) {
        chargers.add(LoadCharger.connect(client, joule.port(), "OUT-" + i, Duration.ofMillis(100)));
      }
      chargers.forEach(LoadCharger::start);
      awaitTrue(() -> answered(chargers) > 300);

      EmbeddedPostgres postgres = joule.joule().embeddedDatabase().orElseThrow();
      int port = postgres.port();
      postgres.close();
      long beforeOutage = answered(chargers);
      Thread.sleep(3000); // the outage itself: what is measured is what happens during it
      restarted = EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(dataDir).withPort(port));
      awaitTrue(() -> answered(chargers) > beforeOutage + 300);

      chargers.forEach(LoadCharger::stop);
      for (LoadCharger charger : chargers) {
        charger.awaitStopped();
      }
      List<String> problems = new ArrayList<>();
      Set<Integer> transactionIds = new HashSet<>();
      int starts = 0;
      int meterValues = 0;
      for (LoadCharger charger : chargers) {
        charger.answers.forEach(
            (callId, count) -> {
              if (count.get() != 1) {
                problems.add(callId + " answered " + count.get() + " times");
              }
            });
        charger.errors.stream()
            .filter(error -> !error.contains("InternalError"))
            .forEach(problems::add);
        assertThat(charger.unanswered).hasValue(0);
        transactionIds.addAll(charger.transactionIds);
        starts += charger.transactionIds.size();
        meterValues += charger.meterValuesSent.get();
        charger.close();
      }
      assertThat(problems).isEmpty();
      assertThat(transactionIds).hasSize(starts);
      assertThat(
              joule.count("SELECT count(*) FROM charge_transaction WHERE charger_id LIKE 'OUT-%'"))
          .as("every acknowledged start recorded once")
          .isEqualTo(starts);
      assertThat(joule.count("SELECT count(*) FROM meter_value WHERE charger_id LIKE 'OUT-%'"))
          .as(
              "meter values recorded once (a CALLERROR'd one may be recorded: the charger retries it)")
          .isBetween((long) meterValues - errors(chargers), (long) meterValues);
    } finally {
      if (restarted != null) {
        restarted.close();
      }
    }
  }

  private static long answered(List<LoadCharger> chargers) {
    return chargers.stream().mapToLong(c -> c.latencyMillis.size()).sum();
  }

  private static long errors(List<LoadCharger> chargers) {
    return chargers.stream().mapToLong(c -> c.errors.size()).sum();
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("condition within 40 s").isNegative();
      Thread.sleep(50);
    }
  }
}
