package dev.joule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Load from {@link LoadCharger}s and {@link IndependentLoad}s together, and what it proves. */
final class Load {
  private Load() {}

  /** Chargers of both kinds on one gateway, started. */
  record Chargers(List<LoadCharger> load, List<IndependentLoad> independent) {
    /** Waits until {@code more} CALLs were answered than now. */
    void awaitMoreAnswers(int more) {
      Load.awaitMoreAnswers(load, independent, more);
    }

    /** Stops them all and returns their ledger. */
    Ledger stop() throws InterruptedException {
      stopAll(load, independent);
      return ledger(load, independent);
    }
  }

  /**
   * {@code own} of Joule's load chargers named {@code prefix-N} and {@code independent} chargers of
   * the eu.chargetime client named {@code IND-N} on {@code gateway}, each sending a CALL every
   * {@code pause}; started, and {@code first} CALLs answered.
   */
  static Chargers start(
      JouleServer gateway, String prefix, int own, int independent, Duration pause, int first)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    List<LoadCharger> load = new ArrayList<>();
    List<IndependentLoad> others = new ArrayList<>();
    for (int i = 0; i < own; i++) {
      load.add(LoadCharger.connect(http, gateway.port(), prefix + "-" + i, pause));
    }
    for (int i = 0; i < independent; i++) {
      others.add(IndependentLoad.connect(gateway.url("IND-" + i), "IND-" + i, pause));
    }
    load.forEach(LoadCharger::start);
    others.forEach(IndependentLoad::start);
    Chargers chargers = new Chargers(load, others);
    chargers.awaitMoreAnswers(first);
    return chargers;
  }

  /** CALLs answered so far by both kinds of chargers. */
  static long answers(List<LoadCharger> load, List<IndependentLoad> independent) {
    long total = 0;
    for (LoadCharger charger : load) {
      total += charger.latencyMillis.size();
    }
    for (IndependentLoad charger : independent) {
      total += charger.answered.get();
    }
    return total;
  }

  /** Waits until {@code more} CALLs were answered than now: the cluster makes progress. */
  static void awaitMoreAnswers(
      List<LoadCharger> load, List<IndependentLoad> independent, int more) {
    long target = answers(load, independent) + more;
    Await.until(() -> answers(load, independent) >= target, Duration.ofSeconds(30));
  }

  /** Stops every charger after its CALL in flight and waits for them. */
  static void stopAll(List<LoadCharger> load, List<IndependentLoad> independent)
      throws InterruptedException {
    load.forEach(LoadCharger::stop);
    independent.forEach(IndependentLoad::stop);
    for (LoadCharger charger : load) {
      charger.awaitStopped();
    }
    for (IndependentLoad charger : independent) {
      charger.awaitStopped();
    }
  }

  /** The ledger of stopped chargers, which are closed. */
  static Ledger ledger(List<LoadCharger> load, List<IndependentLoad> independent) {
    List<String> problems = new ArrayList<>();
    long longest = 0;
    int starts = 0;
    int meterValues = 0;
    for (LoadCharger charger : load) {
      charger.answers.forEach(
          (callId, count) -> {
            if (count.get() != 1) {
              problems.add(callId + " answered " + count.get() + " times");
            }
          });
      problems.addAll(charger.errors);
      if (charger.unanswered.get() > 0) {
        problems.add(charger.id + ": " + charger.unanswered + " CALLs unanswered");
      }
      for (long millis : charger.latencyMillis.values()) {
        longest = Math.max(longest, millis);
      }
      starts += charger.transactionIds.size();
      meterValues += charger.meterValuesSent.get();
      charger.close();
    }
    int independentStarts = 0;
    int independentMeterValues = 0;
    for (IndependentLoad charger : independent) {
      problems.addAll(charger.failures);
      longest = Math.max(longest, charger.longestMillis.get());
      independentStarts += charger.starts.get();
      independentMeterValues += charger.meterValues.get();
      charger.close();
    }
    return new Ledger(
        answers(load, independent),
        problems,
        longest,
        starts,
        meterValues,
        independentStarts,
        independentMeterValues);
  }

  record Ledger(
      long answers,
      List<String> problems,
      long longestMillis,
      int starts,
      int meterValues,
      int independentStarts,
      int independentMeterValues) {

    /** Every CALL answered exactly once with a result, none after 10 s. */
    void assertExactlyOnce() {
      assertThat(problems).as("CALLs not answered exactly once with a result").isEmpty();
      assertThat(longestMillis).as("longest wait of any CALL, ms").isLessThan(10_000);
    }

    /** Rows equal answers: no effect doubled, none lost ({@code pattern}: the load's ids). */
    void assertEffectsSingle(Cluster cluster, String pattern) {
      assertThat(count(cluster, "charge_transaction", pattern))
          .as("one transaction per StartTransaction answered")
          .isEqualTo(starts);
      assertThat(count(cluster, "meter_value", pattern))
          .as("meter values recorded once each")
          .isEqualTo(meterValues);
      assertThat(count(cluster, "charge_transaction", "IND-%"))
          .as("independent client: one transaction per StartTransaction answered")
          .isEqualTo(independentStarts);
      assertThat(count(cluster, "meter_value", "IND-%"))
          .as("independent client: meter values recorded once each")
          .isEqualTo(independentMeterValues);
    }

    private static long count(Cluster cluster, String table, String pattern) {
      return cluster.count(
          "SELECT count(*) FROM " + table + " WHERE charger_id LIKE '" + pattern + "'");
    }

    @Override
    public String toString() {
      return answers
          + " CALLs answered, longest wait "
          + longestMillis
          + " ms, "
          + starts
          + " + "
          + independentStarts
          + " StartTransactions, "
          + meterValues
          + " + "
          + independentMeterValues
          + " MeterValues, "
          + problems.size()
          + " problems";
    }
  }
}
