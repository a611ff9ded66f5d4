package dev.joule.domain.event;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened to a charger, published after it was committed (or, for connections,
 * after the gateway saw it). The API streams them as Server-Sent Events ({@code GET
 * /api/v1/events}); {@link #type()} is the SSE event name. Components are the JSON fields.
 */
public sealed interface ChargerEvent {
  String chargerId();

  /** When Joule learnt it (not the charger's own timestamp, which some events also carry). */
  Instant at();

  /** The event's name on the stream. */
  default String type() {
    return switch (this) {
      case Connected c -> "charger.connected";
      case Disconnected d -> "charger.disconnected";
      case ConnectorStatusChanged s -> "connector.status";
      case TransactionStarted t -> "transaction.started";
      case TransactionStopped t -> "transaction.stopped";
      case CommandStatusChanged c -> "command.status";
      case SecurityEventReceived s -> "security.event";
      case CampaignChargerChanged c -> "campaign.charger";
    };
  }

  /**
   * A charger's WebSocket opened. {@code epoch} grows with every connection of the gateway, so a
   * {@link Disconnected} of a lower epoch after it is the replaced older connection closing.
   */
  record Connected(String chargerId, Instant at, long epoch) implements ChargerEvent {}

  /**
   * A charger's WebSocket closed; {@code replaced} when a newer connection of the same charger took
   * its place (the charger is still connected).
   */
  record Disconnected(String chargerId, Instant at, long epoch, boolean replaced)
      implements ChargerEvent {}

  /** A StatusNotification was recorded; {@code timestamp} is the charger's, if it sent one. */
  record ConnectorStatusChanged(
      String chargerId,
      Instant at,
      int connectorId,
      String status,
      String errorCode,
      Optional<Instant> timestamp)
      implements ChargerEvent {}

  /**
   * A new transaction was recorded; {@code commandId} is the RemoteStartTransaction that caused it,
   * if one did.
   */
  record TransactionStarted(
      String chargerId,
      Instant at,
      int transactionId,
      int connectorId,
      String idTag,
      int meterStart,
      Instant timestamp,
      Optional<Long> commandId)
      implements ChargerEvent {}

  /** A transaction's stop was recorded (once, the first time). */
  record TransactionStopped(
      String chargerId,
      Instant at,
      int transactionId,
      int meterStop,
      Instant timestamp,
      Optional<String> reason)
      implements ChargerEvent {}

  /** A command moved to {@code status} ({@code errorCode} as on the command). */
  record CommandStatusChanged(
      String chargerId,
      Instant at,
      long commandId,
      String action,
      String status,
      Optional<String> errorCode)
      implements ChargerEvent {}

  /**
   * A SecurityEventNotification was recorded (once, the first time); {@code critical} when the
   * whitepaper's appendix marks its type critical; {@code timestamp} is the charger's.
   */
  record SecurityEventReceived(
      String chargerId,
      Instant at,
      String securityEventType,
      boolean critical,
      Instant timestamp,
      Optional<String> techInfo)
      implements ChargerEvent {}

  /**
   * A charger's notification moved its row of campaign {@code campaignId} ({@code kind}) or changed
   * its last status: {@code state} is the row's state now, {@code status} the notification's status
   * as the charger sent it.
   */
  record CampaignChargerChanged(
      String chargerId, Instant at, long campaignId, String kind, String state, String status)
      implements ChargerEvent {}
}
