package dev.joule.sim;

import dev.joule.ocpp.Action;
import java.util.random.RandomGenerator;

/**
 * The traffic mix of a charger once it has booted: of all CALLs, 60% MeterValues, 20%
 * StatusNotification, 15% Heartbeat and 5% StartTransaction/StopTransaction (2.5% each).
 *
 * <p>A charger always has a transaction open when it sends MeterValues: without one, the next CALL
 * is a StartTransaction (the first after boot, and the one right after each StopTransaction, as if
 * the next car plugged in at once). So a StopTransaction draw is weighted 2.5 against 95 for the
 * others, and each is followed by one StartTransaction, which makes the shares of CALLs above exact
 * in the long run.
 */
final class Mix {
  static final double METER_VALUES_SHARE = 0.60;
  static final double STATUS_NOTIFICATION_SHARE = 0.20;
  static final double HEARTBEAT_SHARE = 0.15;
  static final double STOP_TRANSACTION_SHARE = 0.025;

  private static final double DRAW_TOTAL =
      METER_VALUES_SHARE + STATUS_NOTIFICATION_SHARE + HEARTBEAT_SHARE + STOP_TRANSACTION_SHARE;

  private Mix() {}

  /** The next CALL of a charger that has, or has not, a transaction open. */
  static Action next(RandomGenerator random, boolean transactionOpen) {
    if (!transactionOpen) {
      return Action.START_TRANSACTION;
    }
    double draw = random.nextDouble() * DRAW_TOTAL;
    if (draw < METER_VALUES_SHARE) {
      return Action.METER_VALUES;
    }
    draw -= METER_VALUES_SHARE;
    if (draw < STATUS_NOTIFICATION_SHARE) {
      return Action.STATUS_NOTIFICATION;
    }
    draw -= STATUS_NOTIFICATION_SHARE;
    if (draw < HEARTBEAT_SHARE) {
      return Action.HEARTBEAT;
    }
    return Action.STOP_TRANSACTION;
  }
}
