package dev.joule.sim;

import dev.joule.ocpp.Action;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The traffic mix of a charger once it has booted, as weights of all CALLs: MeterValues,
 * StatusNotification, Heartbeat and Start/StopTransaction pairs. The realistic default is 60, 20,
 * 15 and 5.
 *
 * <p>A charger always has a transaction open when it sends MeterValues: without one, the next CALL
 * is a StartTransaction (the first after boot, and the one right after each StopTransaction, as if
 * the next car plugged in at once). So a StopTransaction draw is weighted half the transaction
 * weight against the others, and each is followed by one StartTransaction, which makes the shares
 * of CALLs exact in the long run. With a transaction weight of 0 each charger still starts one
 * transaction after boot and never stops it. With every weight 0 ({@link #IDLE}) a charger sends
 * nothing after booting and only answers the central system.
 */
record Mix(double meterValues, double statusNotification, double heartbeat, double transactions) {
  static final Mix REALISTIC = new Mix(60, 20, 15, 5);
  static final Mix IDLE = new Mix(0, 0, 0, 0);

  Mix {
    if (meterValues < 0 || statusNotification < 0 || heartbeat < 0 || transactions < 0) {
      throw new IllegalArgumentException("mix weights must not be negative");
    }
  }

  /** True if chargers send nothing after booting. */
  boolean idle() {
    return meterValues + statusNotification + heartbeat + transactions == 0;
  }

  /** The next CALL of a charger that has, or has not, a transaction open. */
  Action next(RandomGenerator random, boolean transactionOpen) {
    if (!transactionOpen) {
      return Action.START_TRANSACTION;
    }
    double stop = transactions / 2;
    double total = meterValues + statusNotification + heartbeat + stop;
    if (total == 0) {
      return Action.HEARTBEAT; // transactions only, and one is open: nothing else to draw
    }
    double draw = random.nextDouble() * total;
    if (draw < meterValues) {
      return Action.METER_VALUES;
    }
    draw -= meterValues;
    if (draw < statusNotification) {
      return Action.STATUS_NOTIFICATION;
    }
    draw -= statusNotification;
    if (draw < heartbeat) {
      return Action.HEARTBEAT;
    }
    return Action.STOP_TRANSACTION;
  }

  /**
   * Reads {@code realistic}, {@code idle}, or weights such as {@code
   * MeterValues=60,StatusNotification=20,Heartbeat=15,Transaction=5} (missing ones are 0; they need
   * not add up to 100).
   */
  static Mix parse(String text) {
    String trimmed = text.strip();
    if (trimmed.equalsIgnoreCase("realistic")) {
      return REALISTIC;
    }
    if (trimmed.equalsIgnoreCase("idle")) {
      return IDLE;
    }
    double[] weights = new double[4];
    for (String part : trimmed.split(",")) {
      String[] pair = part.split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException(notAMix(text));
      }
      int slot =
          switch (pair[0].strip().toLowerCase(Locale.ROOT)) {
            case "metervalues" -> 0;
            case "statusnotification" -> 1;
            case "heartbeat" -> 2;
            case "transaction" -> 3;
            default -> throw new IllegalArgumentException(notAMix(text));
          };
      try {
        weights[slot] = Double.parseDouble(pair[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(notAMix(text), e);
      }
    }
    return new Mix(weights[0], weights[1], weights[2], weights[3]);
  }

  private static String notAMix(String text) {
    return "not a mix: '"
        + text
        + "' (realistic, idle, or MeterValues=60,StatusNotification=20,Heartbeat=15,Transaction=5)";
  }
}
