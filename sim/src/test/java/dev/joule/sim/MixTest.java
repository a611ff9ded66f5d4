package dev.joule.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.joule.ocpp.Action;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixTest {
  private static final int CALLS = 200_000;

  /** Plays a charger whose StartTransactions are all accepted; counts the CALLs per action. */
  private static Map<Action, Integer> play(long seed) {
    Random random = new Random(seed);
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    boolean open = false;
    for (int i = 0; i < CALLS; i++) {
      Action action = Mix.REALISTIC.next(random, open);
      counts.merge(action, 1, Integer::sum);
      if (action == Action.START_TRANSACTION) {
        open = true;
      } else if (action == Action.STOP_TRANSACTION) {
        open = false;
      }
    }
    return counts;
  }

  private static double share(Map<Action, Integer> counts, Action action) {
    return counts.getOrDefault(action, 0) / (double) CALLS;
  }

  @Test
  void sharesOfCallsMatchTheTargetMix() {
    Map<Action, Integer> counts = play(42);

    assertThat(counts.keySet())
        .containsExactlyInAnyOrder(
            Action.METER_VALUES,
            Action.STATUS_NOTIFICATION,
            Action.HEARTBEAT,
            Action.START_TRANSACTION,
            Action.STOP_TRANSACTION);
    assertThat(share(counts, Action.METER_VALUES)).isCloseTo(0.60, within(0.01));
    assertThat(share(counts, Action.STATUS_NOTIFICATION)).isCloseTo(0.20, within(0.01));
    assertThat(share(counts, Action.HEARTBEAT)).isCloseTo(0.15, within(0.01));
    assertThat(share(counts, Action.START_TRANSACTION) + share(counts, Action.STOP_TRANSACTION))
        .isCloseTo(0.05, within(0.005));
  }

  @Test
  void everyStopIsFollowedByAStartAndMeterValuesOnlyFlowInATransaction() {
    Random random = new Random(3);
    boolean open = false;
    Action previous = null;
    for (int i = 0; i < CALLS; i++) {
      Action action = Mix.REALISTIC.next(random, open);
      if (action == Action.METER_VALUES) {
        assertThat(open).as("MeterValues at call %d", i).isTrue();
      }
      if (previous == Action.STOP_TRANSACTION) {
        assertThat(action).isEqualTo(Action.START_TRANSACTION);
      }
      open = action == Action.START_TRANSACTION || (open && action != Action.STOP_TRANSACTION);
      previous = action;
    }
  }

  @Test
  void theFirstCallAfterBootOpensATransaction() {
    assertThat(Mix.REALISTIC.next(new Random(1), false)).isEqualTo(Action.START_TRANSACTION);
  }

  @Test
  void sameSeedGivesTheSameSequence() {
    assertThat(play(9)).isEqualTo(play(9));
  }

  @Test
  void customWeightsGiveTheirSharesOfCalls() {
    Mix mix = Mix.parse("MeterValues=10, Heartbeat=70,Transaction=20");
    Random random = new Random(5);
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    boolean open = false;
    for (int i = 0; i < CALLS; i++) {
      Action action = mix.next(random, open);
      counts.merge(action, 1, Integer::sum);
      open = action == Action.START_TRANSACTION || (open && action != Action.STOP_TRANSACTION);
    }

    assertThat(mix).isEqualTo(new Mix(10, 0, 70, 20));
    assertThat(counts).doesNotContainKey(Action.STATUS_NOTIFICATION);
    assertThat(share(counts, Action.METER_VALUES)).isCloseTo(0.10, within(0.01));
    assertThat(share(counts, Action.HEARTBEAT)).isCloseTo(0.70, within(0.01));
    assertThat(share(counts, Action.START_TRANSACTION)).isCloseTo(0.10, within(0.01));
  }

  @Test
  void namedMixesAndRefusals() {
    assertThat(Mix.parse("realistic")).isEqualTo(new Mix(60, 20, 15, 5));
    assertThat(Mix.parse(" IDLE ").idle()).isTrue();
    assertThat(Mix.REALISTIC.idle()).isFalse();
    assertThatThrownBy(() -> Mix.parse("MeterValues=lots"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a mix: 'MeterValues=lots'");
    assertThatThrownBy(() -> Mix.parse("Authorize=5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Mix.parse("Heartbeat=-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
