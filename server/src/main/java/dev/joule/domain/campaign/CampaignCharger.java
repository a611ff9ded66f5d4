package dev.joule.domain.campaign;

import dev.joule.store.CampaignRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * One charger of a campaign: its state, the last notification status it sent (as on the wire), why
 * it failed, the latest command of its turn and that command's requestId, how many times its turn
 * came (a charger not connected is tried again), and when: its first turn, its next try, the last
 * send, its deadline, its end.
 */
public record CampaignCharger(
    long campaignId,
    String chargerId,
    int position,
    CampaignChargerState state,
    Optional<String> lastStatus,
    Optional<String> error,
    Optional<Long> commandId,
    Optional<Integer> requestId,
    int attempts,
    Optional<Instant> turnAt,
    Optional<Instant> nextTryAt,
    Optional<Instant> sentAt,
    Optional<Instant> deadlineAt,
    Optional<Instant> finishedAt,
    Instant updatedAt) {

  static CampaignCharger of(CampaignRepository.ChargerRow row) {
    return new CampaignCharger(
        row.campaignId(),
        row.chargerId(),
        row.position(),
        CampaignChargerState.fromWire(row.state()).orElseThrow(),
        row.lastStatus(),
        row.error(),
        row.commandId(),
        row.requestId(),
        row.attempts(),
        row.turnAt(),
        row.nextTryAt(),
        row.sentAt(),
        row.deadlineAt(),
        row.finishedAt(),
        row.updatedAt());
  }
}
