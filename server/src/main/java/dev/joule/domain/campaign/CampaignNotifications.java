package dev.joule.domain.campaign;

import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import dev.joule.store.CampaignRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moves a charger's campaign row on by the notification it sent, in the processing transaction that
 * records the notification: so the row and the stored event commit together, whichever processor of
 * a cluster leases the CALL and however it is batched, and a rolled-back batch moves nothing.
 * FirmwareStatusNotification and DiagnosticsStatusNotification name no request: they apply to the
 * charger's row in flight in a campaign of their kind (a charger has at most one, {@link
 * CampaignKind#conflicting}); the whitepaper's notifications apply to the row whose requestId they
 * carry. A redelivered notification finds the row already there and changes nothing.
 */
public final class CampaignNotifications {
  private final CampaignRepository repository;

  public CampaignNotifications(CampaignRepository repository) {
    this.repository = repository;
  }

  /**
   * Records {@code status} (wire) on the charger's row in flight in a {@code kind} campaign and
   * moves it to {@code target}, if the state machine allows; publishes each change after commit.
   */
  public void notified(
      Connection connection,
      EventSink afterCommit,
      String chargerId,
      CampaignKind kind,
      Optional<Integer> requestId,
      String status,
      Optional<CampaignChargerState> target,
      Instant at) {
    Set<CampaignChargerState> from = EnumSet.copyOf(CampaignChargerState.IN_FLIGHT);
    target.ifPresent(state -> from.retainAll(state.from()));
    if (from.isEmpty() || (kind.hasRequestId() && requestId.isEmpty())) {
      return;
    }
    List<CampaignRepository.Moved> moved =
        repository.notified(
            connection,
            chargerId,
            kind.wire(),
            requestId,
            target.map(CampaignChargerState::wire),
            CampaignChargerState.wires(from),
            status,
            target.filter(CampaignChargerState::isFinal).isPresent(),
            at);
    for (CampaignRepository.Moved row : moved) {
      afterCommit.publish(
          new ChargerEvent.CampaignChargerChanged(
              chargerId, at, row.campaignId(), kind.wire(), row.state(), status));
    }
  }
}
