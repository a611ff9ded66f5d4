package dev.joule.domain.smartcharging;

import dev.joule.ocpp.message.smartcharging.ChargingProfilePurposeType;
import java.time.Instant;

/** One schedule period of one profile on the time line, {@code [from, to)}. */
record Segment(
    Instant from,
    Instant to,
    double limit,
    int numberPhases,
    int stackLevel,
    int connectorId,
    int profileId,
    ChargingProfilePurposeType purpose) {

  boolean covers(Instant at) {
    return !at.isBefore(from) && at.isBefore(to);
  }
}
