package dev.joule.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every {@link Rule} against each second's {@link Signals}: inactive → pending (the
 * condition holds) → firing (it held for the rule's pending time) → resolved (it stayed clear for
 * {@code resolve-after}: the hysteresis that keeps a flapping signal from paging twice a minute).
 * Each transition is logged as one structured line and handed to the notifiers (the webhook, the
 * status recorder that keeps the history); after each round {@code rounds} gets the signals and
 * what fires. Called from one thread (the supervisor's); notifiers must not block it.
 */
public final class Alerts {
  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

  private final AlertSettings settings;
  private final List<Consumer<AlertEvent>> notifiers;
  private final Consumer<Evaluated> rounds;
  private final Map<Rule, State> states = new EnumMap<>(Rule.class);

  public Alerts(AlertSettings settings, List<Consumer<AlertEvent>> notifiers) {
    this(settings, notifiers, round -> {});
  }

  public Alerts(
      AlertSettings settings, List<Consumer<AlertEvent>> notifiers, Consumer<Evaluated> rounds) {
    this.settings = settings;
    this.notifiers = List.copyOf(notifiers);
    this.rounds = rounds;
    for (Rule rule : Rule.values()) {
      states.put(rule, new State());
    }
  }

  /** One evaluation round. */
  public void evaluate(Signals signals) {
    Instant now = signals.at();
    for (Rule rule : Rule.values()) {
      State state = states.get(rule);
      boolean breached = rule.breached(signals, settings);
      switch (state.phase) {
        case INACTIVE -> {
          if (breached) {
            state.phase = Phase.PENDING;
            state.since = now;
            maybeFire(rule, state, signals);
          }
        }
        case PENDING -> {
          if (breached) {
            maybeFire(rule, state, signals);
          } else {
            state.phase = Phase.INACTIVE;
          }
        }
        case FIRING -> {
          if (breached) {
            state.lastBreached = now;
          } else if (!now.isBefore(state.lastBreached.plus(settings.resolveAfter()))) {
            state.phase = Phase.INACTIVE;
            record(
                new AlertEvent(
                    rule.alertName(),
                    "resolved",
                    rule.severity(),
                    now,
                    state.firedAt,
                    "RESOLVED "
                        + rule.alertName()
                        + " after "
                        + Duration.between(state.firedAt, now).toSeconds()
                        + " s"));
          }
        }
      }
    }
    rounds.accept(new Evaluated(signals, firing()));
  }

  private void maybeFire(Rule rule, State state, Signals signals) {
    Instant now = signals.at();
    if (now.isBefore(state.since.plus(rule.pendingFor(settings)))) {
      return;
    }
    state.phase = Phase.FIRING;
    state.firedAt = now;
    state.lastBreached = now;
    record(
        new AlertEvent(
            rule.alertName(),
            "firing",
            rule.severity(),
            now,
            state.since,
            "FIRING " + rule.alertName() + ": " + rule.describe(signals)));
  }

  private void record(AlertEvent event) {
    LOG.warn(
        "alert={} state={} since={} text=\"{}\"",
        event.alert(),
        event.state(),
        event.since(),
        event.text());
    for (Consumer<AlertEvent> notifier : notifiers) {
      notifier.accept(event);
    }
  }

  /** Alerts firing now. Safe from any thread, possibly a second stale. */
  public List<String> firing() {
    List<String> firing = new ArrayList<>();
    states.forEach(
        (rule, state) -> {
          if (state.phase == Phase.FIRING) {
            firing.add(rule.alertName());
          }
        });
    return firing;
  }

  private enum Phase {
    INACTIVE,
    PENDING,
    FIRING
  }

  private static final class State {
    volatile Phase phase = Phase.INACTIVE;
    Instant since;
    Instant firedAt;
    Instant lastBreached;
  }
}
