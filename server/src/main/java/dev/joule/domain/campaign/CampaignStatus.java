package dev.joule.domain.campaign;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a campaign is: {@code running} sends to chargers as slots free up; {@code paused} sends
 * nothing new (chargers in flight go on and are still followed); {@code cancelled} ends the
 * chargers not yet sent to; {@code completed} when every charger reached a final state.
 */
public enum CampaignStatus {
  RUNNING("running"),
  PAUSED("paused"),
  CANCELLED("cancelled"),
  COMPLETED("completed");

  private final String wire;

  CampaignStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<CampaignStatus> fromWire(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }

  /** The statuses a campaign may come to this one from: the state machine, in one place. */
  public Set<CampaignStatus> from() {
    return switch (this) {
      case RUNNING -> EnumSet.of(PAUSED);
      case PAUSED -> EnumSet.of(RUNNING);
      case CANCELLED -> EnumSet.of(RUNNING, PAUSED);
      case COMPLETED -> EnumSet.of(RUNNING);
    };
  }

  public boolean canBecome(CampaignStatus next) {
    return next.from().contains(this);
  }
}
