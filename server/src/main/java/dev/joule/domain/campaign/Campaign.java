package dev.joule.domain.campaign;

import dev.joule.store.CampaignRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign: one {@code kind} of command ({@code payloadJson}, the OCPP payload every charger
 * gets; its requestId is replaced per charger where the kind has one) sent to a set of chargers
 * with at most {@code concurrency} in flight; each charger times out {@code chargerTimeout} after
 * its turn (or after {@code notBefore}, the firmware's retrieveDate, if later); a charger that was
 * not connected at its turn is tried again every {@code offlineRetry}. {@code totals}: how many
 * chargers are in each state (wire names; states no charger is in are absent).
 */
public record Campaign(
    long id,
    CampaignKind kind,
    String payloadJson,
    int concurrency,
    Duration chargerTimeout,
    Duration offlineRetry,
    Instant notBefore,
    CampaignStatus status,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> finishedAt,
    Map<String, Integer> totals) {

  public Campaign {
    totals = Map.copyOf(totals);
  }

  static Campaign of(CampaignRepository.CampaignRow row, Map<String, Integer> totals) {
    return new Campaign(
        row.id(),
        CampaignKind.fromWire(row.kind()).orElseThrow(),
        row.payload(),
        row.concurrency(),
        Duration.ofSeconds(row.chargerTimeoutSeconds()),
        Duration.ofSeconds(row.offlineRetrySeconds()),
        row.notBefore(),
        CampaignStatus.fromWire(row.status()).orElseThrow(),
        row.createdAt(),
        row.updatedAt(),
        row.finishedAt(),
        totals);
  }

  /** How many chargers the campaign has. */
  public int chargers() {
    return totals.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many chargers hold a concurrency slot now. */
  public int inFlight() {
    return CampaignChargerState.IN_FLIGHT.stream()
        .mapToInt(state -> totals.getOrDefault(state.wire(), 0))
        .sum();
  }
}
