package dev.joule.api;

import dev.joule.domain.campaign.CampaignCharger;
import java.time.Instant;

/**
 * One charger of a campaign: its {@code state}, the {@code lastStatus} its notifications reported
 * (as the charger sent it), why it failed or was retried ({@code error}), the command of its latest
 * turn and its requestId, how many turns it had ({@code attempts}), and when things happened.
 */
public record CampaignChargerView(
    String chargerId,
    int position,
    String state,
    String lastStatus,
    String error,
    Long commandId,
    Integer requestId,
    int attempts,
    Instant turnAt,
    Instant nextTryAt,
    Instant sentAt,
    Instant deadlineAt,
    Instant finishedAt,
    Instant updatedAt) {

  static CampaignChargerView of(CampaignCharger c) {
    return new CampaignChargerView(
        c.chargerId(),
        c.position(),
        c.state().wire(),
        c.lastStatus().orElse(null),
        c.error().orElse(null),
        c.commandId().orElse(null),
        c.requestId().orElse(null),
        c.attempts(),
        c.turnAt().orElse(null),
        c.nextTryAt().orElse(null),
        c.sentAt().orElse(null),
        c.deadlineAt().orElse(null),
        c.finishedAt().orElse(null),
        c.updatedAt());
  }
}
