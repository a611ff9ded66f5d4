package dev.joule.processing;

import java.time.Duration;

/**
 * What one processing worker holds and since when (DESIGN.md rule 5), as the supervisor sees it.
 *
 * @param slot the worker's place in the processor; a replacement takes the same slot
 * @param generation how many workers held this slot before this one
 * @param holding messages leased and not yet answered
 * @param heldFor how long the current batch has been held; zero when holding none
 * @param sinceProgress since this worker last finished a batch (or started, if it never did)
 * @param processed messages answered by this slot since the processor started
 */
public record WorkerState(
    int slot,
    int generation,
    int holding,
    Duration heldFor,
    Duration sinceProgress,
    long processed) {

  public String name() {
    return "processor-" + slot;
  }
}
