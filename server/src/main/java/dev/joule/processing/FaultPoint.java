package dev.joule.processing;

/**
 * Where injected faults reach a processing worker (off unless fault injection is enabled). The
 * supervision package implements it; processing only calls it.
 */
public interface FaultPoint {
  /** No faults: the production default. */
  FaultPoint NONE =
      new FaultPoint() {
        @Override
        public void holding(int slot, int generation) {}

        @Override
        public void database() {}
      };

  /**
   * Called by a worker that holds a leased batch, before any database work. A hang fault blocks
   * here, ignoring interrupts, as the stuck workers of the incident did.
   */
  void holding(int slot, int generation);

  /** Called inside each batch's transaction; a slow-database fault sleeps here. */
  void database();
}
