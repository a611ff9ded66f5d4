package dev.joule.domain.campaign;

/** How many chargers a campaign may give their turn to now. Pure. */
final class Waves {
  private Waves() {}

  /**
   * The free slots: {@code concurrency} minus the chargers in flight, never below zero (a lowered
   * concurrency, or two nodes' rounds that crossed before the lock, may leave more in flight).
   */
  static int free(int concurrency, int inFlight) {
    return Math.max(0, concurrency - inFlight);
  }
}
