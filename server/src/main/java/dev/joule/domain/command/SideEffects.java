package dev.joule.domain.command;

import static dev.joule.domain.reservation.ReservationStatus.CANCELLED;

import dev.joule.domain.reservation.ReservationStates;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.WireEnum;
import dev.joule.ocpp.message.core.ChangeConfigurationRequest;
import dev.joule.ocpp.message.core.ChangeConfigurationResponse;
import dev.joule.ocpp.message.core.ConfigurationStatus;
import dev.joule.ocpp.message.core.GetConfigurationResponse;
import dev.joule.ocpp.message.core.KeyValue;
import dev.joule.ocpp.message.core.RemoteStartStopStatus;
import dev.joule.ocpp.message.core.RemoteStartTransactionRequest;
import dev.joule.ocpp.message.core.RemoteStartTransactionResponse;
import dev.joule.ocpp.message.core.RemoteStopTransactionRequest;
import dev.joule.ocpp.message.core.RemoteStopTransactionResponse;
import dev.joule.ocpp.message.localauth.AuthorizationData;
import dev.joule.ocpp.message.localauth.GetLocalListVersionResponse;
import dev.joule.ocpp.message.localauth.SendLocalListRequest;
import dev.joule.ocpp.message.localauth.SendLocalListResponse;
import dev.joule.ocpp.message.localauth.UpdateStatus;
import dev.joule.ocpp.message.localauth.UpdateType;
import dev.joule.ocpp.message.reservation.CancelReservationRequest;
import dev.joule.ocpp.message.reservation.CancelReservationResponse;
import dev.joule.ocpp.message.reservation.CancelReservationStatus;
import dev.joule.ocpp.message.reservation.ReservationStatus;
import dev.joule.ocpp.message.reservation.ReserveNowRequest;
import dev.joule.ocpp.message.reservation.ReserveNowResponse;
import dev.joule.ocpp.message.smartcharging.ChargingProfile;
import dev.joule.ocpp.message.smartcharging.ChargingProfileStatus;
import dev.joule.ocpp.message.smartcharging.ClearChargingProfileRequest;
import dev.joule.ocpp.message.smartcharging.ClearChargingProfileResponse;
import dev.joule.ocpp.message.smartcharging.ClearChargingProfileStatus;
import dev.joule.ocpp.message.smartcharging.SetChargingProfileRequest;
import dev.joule.ocpp.message.smartcharging.SetChargingProfileResponse;
import dev.joule.security.AuthorizationKey;
import dev.joule.security.Secrets;
import dev.joule.security.SecurityChanges;
import dev.joule.store.ChargerStateRepository;
import dev.joule.store.CommandRepository;
import dev.joule.store.LocalListRepository;
import dev.joule.store.ReservationRepository;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an answered command implies beyond its own row, recorded in the same transaction as its
 * outcome:
 *
 * <ul>
 *   <li>GetConfiguration: every key the charger reported; ChangeConfiguration answered Accepted or
 *       RebootRequired: the key and value (the charger's known configuration), an AuthorizationKey
 *       as {@code ***}; for the whitepaper's keys, the charger's new key hash or raised security
 *       profile ({@link SecurityChanges});
 *   <li>RemoteStopTransaction accepted: the command is linked to the transaction (a remote start is
 *       linked when its transaction starts, {@link TransactionLinks});
 *   <li>SendLocalList accepted: the list version and the entries the charger now holds;
 *       GetLocalListVersion: the version reported;
 *   <li>ReserveNow: the reservation with status {@code reserved} or the refusal (on a new
 *       reservation, or the pending one that sent it); CancelReservation accepted: {@code
 *       cancelled} (if still open: {@code domain.reservation.ReservationStatus});
 *   <li>SetChargingProfile: the profile with status {@code installed} or the refusal; an accepted
 *       RemoteStartTransaction with a chargingProfile and a connector: its TxProfile, {@code
 *       installed}; ClearChargingProfile accepted: matching installed profiles become {@code
 *       cleared}.
 * </ul>
 *
 * A reservation used by a StartTransaction or expired is {@code domain.reservation}'s; what the
 * installed profiles mean over time (validity, stacking) is {@code domain.smartcharging}'s.
 */
final class SideEffects {
  private final CommandRepository repository;
  private final ChargerStateRepository state;
  private final SecurityChanges security;
  private final ReservationRepository reservations;
  private final LocalListRepository localLists;

  SideEffects(
      CommandRepository repository,
      ChargerStateRepository state,
      SecurityChanges security,
      ReservationRepository reservations,
      LocalListRepository localLists) {
    this.repository = repository;
    this.state = state;
    this.security = security;
    this.reservations = reservations;
    this.localLists = localLists;
  }

  void apply(
      Connection connection,
      long commandId,
      String chargerId,
      Action action,
      Request request,
      Response response,
      Instant at) {
    switch (response) {
      case GetConfigurationResponse got when got.configurationKey() != null -> {
        for (KeyValue key : got.configurationKey()) {
          repository.putConfiguration(
              connection,
              chargerId,
              key.key(),
              Optional.ofNullable(key.value())
                  .map(value -> AuthorizationKey.isKeyName(key.key()) ? Secrets.REDACTED : value),
              Optional.of(key.readonly()),
              at);
        }
      }
      case ChangeConfigurationResponse changed
          when changed.status() == ConfigurationStatus.ACCEPTED
              || changed.status() == ConfigurationStatus.REBOOT_REQUIRED -> {
        ChangeConfigurationRequest change = (ChangeConfigurationRequest) request;
        security.changed(connection, chargerId, change.key(), change.value(), at);
        repository.putConfiguration(
            connection,
            chargerId,
            change.key(),
            Optional.of(
                AuthorizationKey.isKeyName(change.key()) ? Secrets.REDACTED : change.value()),
            Optional.empty(),
            at);
      }
      case RemoteStopTransactionResponse stopped
          when stopped.status() == RemoteStartStopStatus.ACCEPTED ->
          repository.linkTransaction(
              connection, commandId, ((RemoteStopTransactionRequest) request).transactionId());
      case SendLocalListResponse sent when sent.status() == UpdateStatus.ACCEPTED -> {
        SendLocalListRequest list = (SendLocalListRequest) request;
        state.setLocalListVersion(connection, chargerId, list.listVersion(), at);
        localLists.accepted(
            connection,
            chargerId,
            list.updateType() == UpdateType.FULL,
            list.listVersion(),
            list.localAuthorizationList() == null
                ? List.of()
                : list.localAuthorizationList().stream().map(SideEffects::change).toList());
      }
      case GetLocalListVersionResponse reported ->
          state.setLocalListVersion(connection, chargerId, reported.listVersion(), at);
      case ReserveNowResponse reserved -> {
        ReserveNowRequest reserve = (ReserveNowRequest) request;
        boolean accepted = reserved.status() == ReservationStatus.ACCEPTED;
        reservations.answered(
            connection,
            chargerId,
            new ReservationRepository.Reserve(
                reserve.reservationId(),
                reserve.connectorId(),
                reserve.idTag(),
                Optional.ofNullable(reserve.parentIdTag()),
                reserve.expiryDate()),
            ReservationStates.answer(reserved.status()).wire(),
            accepted,
            ReservationStates.from(ReservationStates.answer(reserved.status())),
            commandId,
            at);
      }
      case CancelReservationResponse cancelled
          when cancelled.status() == CancelReservationStatus.ACCEPTED ->
          reservations.move(
              connection,
              chargerId,
              ((CancelReservationRequest) request).reservationId(),
              CANCELLED.wire(),
              ReservationStates.from(CANCELLED),
              Optional.of(commandId),
              Optional.empty(),
              at);
      case SetChargingProfileResponse set -> {
        SetChargingProfileRequest install = (SetChargingProfileRequest) request;
        ChargingProfile profile = install.csChargingProfiles();
        boolean installed = set.status() == ChargingProfileStatus.ACCEPTED;
        state.putChargingProfile(
            connection,
            chargerId,
            commandId,
            install.connectorId(),
            profile.chargingProfileId(),
            profile.chargingProfilePurpose().wire(),
            profile.stackLevel(),
            installed ? "installed" : word(set.status()),
            installed,
            at,
            ChargerStateRepository.SET_CHARGING_PROFILE);
      }
      case RemoteStartTransactionResponse started
          when started.status() == RemoteStartStopStatus.ACCEPTED
              && request instanceof RemoteStartTransactionRequest start
              && start.chargingProfile() != null
              && start.connectorId() != null -> {
        // §5.11: the charger installs the TxProfile for the transaction it starts; without a
        // connector the charger picks one, and Joule cannot know which until the start
        ChargingProfile profile = start.chargingProfile();
        state.putChargingProfile(
            connection,
            chargerId,
            commandId,
            start.connectorId(),
            profile.chargingProfileId(),
            profile.chargingProfilePurpose().wire(),
            profile.stackLevel(),
            "installed",
            true,
            at,
            ChargerStateRepository.REMOTE_START);
      }
      case ClearChargingProfileResponse cleared
          when cleared.status() == ClearChargingProfileStatus.ACCEPTED -> {
        ClearChargingProfileRequest clear = (ClearChargingProfileRequest) request;
        state.clearChargingProfiles(
            connection,
            chargerId,
            Optional.ofNullable(clear.id()),
            Optional.ofNullable(clear.connectorId()),
            Optional.ofNullable(clear.chargingProfilePurpose()).map(WireEnum::wire),
            Optional.ofNullable(clear.stackLevel()),
            commandId,
            at);
      }
      default -> {
        // no side effect for this action or answer
      }
    }
  }

  /** An entry of an accepted SendLocalList (§5.15: without idTagInfo it is removed). */
  private static LocalListRepository.Change change(AuthorizationData data) {
    return new LocalListRepository.Change(
        data.idTag(),
        Optional.ofNullable(data.idTagInfo())
            .map(
                info ->
                    new LocalListRepository.Entry(
                        data.idTag(),
                        info.status().wire(),
                        Optional.ofNullable(info.expiryDate()),
                        Optional.ofNullable(info.parentIdTag()))));
  }

  /** A charger's refusal as a status word: {@code NotSupported} becomes {@code notsupported}. */
  private static String word(WireEnum status) {
    return status.wire().toLowerCase(Locale.ROOT);
  }
}
