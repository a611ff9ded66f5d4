package dev.joule.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.joule.domain.campaign.Campaign;
import dev.joule.domain.campaign.CampaignChargerState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A campaign as the API shows it: {@code payload} the OCPP request every charger gets (its
 * requestId, where it has one, is each charger's own), durations in seconds, {@code totals} the
 * number of chargers in every state of its kind (zeros included), {@code inFlight} those holding a
 * concurrency slot.
 */
public record CampaignView(
    long id,
    String kind,
    String action,
    String status,
    JsonNode payload,
    int concurrency,
    long chargerTimeout,
    long offlineRetryInterval,
    Instant notBefore,
    int chargers,
    int inFlight,
    Map<String, Integer> totals,
    Instant createdAt,
    Instant updatedAt,
    Instant finishedAt) {

  static CampaignView of(Campaign c) {
    Map<String, Integer> totals = new LinkedHashMap<>();
    for (CampaignChargerState state : CampaignChargerState.of(c.kind())) {
      totals.put(state.wire(), c.totals().getOrDefault(state.wire(), 0));
    }
    JsonNode payload;
    try {
      payload = Json.readTree(c.payloadJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("campaign " + c.id() + ": stored payload is not JSON", e);
    }
    return new CampaignView(
        c.id(),
        c.kind().wire(),
        c.kind().command().wire(),
        c.status().wire(),
        payload,
        c.concurrency(),
        c.chargerTimeout().toSeconds(),
        c.offlineRetry().toSeconds(),
        c.notBefore(),
        c.chargers(),
        c.inFlight(),
        totals,
        c.createdAt(),
        c.updatedAt(),
        c.finishedAt().orElse(null));
  }
}
