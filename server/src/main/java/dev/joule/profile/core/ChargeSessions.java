package dev.joule.profile.core;

import dev.joule.domain.Authorization;
import dev.joule.domain.command.TransactionLinks;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.reservation.ReservationLinks;
import dev.joule.domain.reservation.ReservationMatch;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.WireEnum;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.IdTagInfo;
import dev.joule.ocpp.message.core.MeterValue;
import dev.joule.ocpp.message.core.MeterValuesRequest;
import dev.joule.ocpp.message.core.MeterValuesResponse;
import dev.joule.ocpp.message.core.SampledValue;
import dev.joule.ocpp.message.core.StartTransactionRequest;
import dev.joule.ocpp.message.core.StartTransactionResponse;
import dev.joule.ocpp.message.core.StopTransactionRequest;
import dev.joule.ocpp.message.core.StopTransactionResponse;
import dev.joule.processing.CallContext;
import dev.joule.processing.Handlers;
import dev.joule.store.MeterValueRepository;
import dev.joule.store.TransactionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * StartTransaction, StopTransaction and MeterValues. Every one is acknowledged: a CALLERROR makes
 * chargers retry a start or stop forever (OCPP16-NOTES). Redeliveries and charger retries have no
 * second effect (DESIGN.md rule 4).
 */
public final class ChargeSessions {
  /** OCPP 1.6 §7.31: a sampled value without a measurand is the active energy import register. */
  private static final String DEFAULT_MEASURAND = "Energy.Active.Import.Register";

  private final Authorization authorization;
  private final TransactionRepository transactions;
  private final MeterValueRepository meterValues;
  private final OcppJson codec;
  private final TransactionLinks links;
  private final ReservationLinks reservations;

  public ChargeSessions(
      Authorization authorization,
      TransactionRepository transactions,
      MeterValueRepository meterValues,
      OcppJson codec,
      TransactionLinks links,
      ReservationLinks reservations) {
    this.authorization = authorization;
    this.transactions = transactions;
    this.meterValues = meterValues;
    this.codec = codec;
    this.links = links;
    this.reservations = reservations;
  }

  public Handlers register(Handlers handlers) {
    return handlers
        .on(Action.START_TRANSACTION, StartTransactionRequest.class, this::start)
        .on(Action.STOP_TRANSACTION, StopTransactionRequest.class, this::stop)
        .on(Action.METER_VALUES, MeterValuesRequest.class, this::meterValues);
  }

  StartTransactionResponse start(CallContext c, StartTransactionRequest r) {
    IdTagInfo info = authorization.authorize(c.connection(), r.idTag(), c.now());
    TransactionRepository.Started started =
        transactions.start(
            c.connection(),
            c.chargerId(),
            new TransactionRepository.Start(
                r.connectorId(),
                r.idTag(),
                r.meterStart(),
                r.timestamp(),
                r.reservationId(),
                info.status().wire()),
            c.receivedAt());
    if (started.created()) {
      Optional<Long> cause =
          links.remoteStartOf(
              c.connection(),
              c.chargerId(),
              r.idTag(),
              r.connectorId(),
              started.transactionId(),
              c.receivedAt());
      // OCPP 1.6 §5.13: the transaction ends the reservation it started on, in the same commit.
      reservations.usedBy(
          c.connection(),
          c.chargerId(),
          new ReservationMatch.Start(
              r.connectorId(),
              r.idTag(),
              Optional.ofNullable(info.parentIdTag()),
              Optional.ofNullable(r.reservationId()),
              r.timestamp()),
          started.transactionId(),
          c.receivedAt());
      c.afterCommit()
          .publish(
              new ChargerEvent.TransactionStarted(
                  c.chargerId(),
                  c.now(),
                  started.transactionId(),
                  r.connectorId(),
                  r.idTag(),
                  r.meterStart(),
                  r.timestamp(),
                  cause));
    }
    return new StartTransactionResponse(info, started.transactionId());
  }

  StopTransactionResponse stop(CallContext c, StopTransactionRequest r) {
    TransactionRepository.Stop stop =
        new TransactionRepository.Stop(
            r.transactionId(), r.idTag(), r.meterStop(), r.timestamp(), wire(r.reason()));
    TransactionRepository.Stopped stopped =
        transactions.stop(c.connection(), c.chargerId(), stop, c.receivedAt());
    OptionalInt connector = stopped.connectorId();
    boolean known = connector.isPresent();
    if (stopped.stoppedNow()) {
      c.afterCommit()
          .publish(
              new ChargerEvent.TransactionStopped(
                  c.chargerId(),
                  c.now(),
                  r.transactionId(),
                  r.meterStop(),
                  r.timestamp(),
                  Optional.ofNullable(wire(r.reason()))));
    }
    if (!known) {
      transactions.orphanStop(
          c.connection(), c.chargerId(), stop, codec.writePayload(r), c.receivedAt());
    }
    if (r.transactionData() != null) {
      meterValues.insert(
          c.writes(),
          c.chargerId(),
          connector.orElse(0), // an unknown transaction's connector is unknown: 0
          known ? r.transactionId() : null,
          samples(r.transactionData()),
          "StopTransaction",
          c.receivedAt());
    }
    IdTagInfo info =
        r.idTag() == null ? null : authorization.authorize(c.connection(), r.idTag(), c.now());
    return new StopTransactionResponse(info);
  }

  MeterValuesResponse meterValues(CallContext c, MeterValuesRequest r) {
    meterValues.insert(
        c.writes(),
        c.chargerId(),
        r.connectorId(),
        r.transactionId(),
        samples(r.meterValue()),
        "MeterValues",
        c.receivedAt());
    return new MeterValuesResponse();
  }

  private static List<MeterValueRepository.Sample> samples(List<MeterValue> meterValues) {
    List<MeterValueRepository.Sample> samples = new ArrayList<>();
    for (MeterValue meterValue : meterValues) {
      for (SampledValue v : meterValue.sampledValue()) {
        samples.add(
            new MeterValueRepository.Sample(
                meterValue.timestamp(),
                v.value(),
                wire(v.context()),
                wire(v.format()),
                v.measurand() == null ? DEFAULT_MEASURAND : v.measurand().wire(),
                v.phase() == null ? "" : v.phase().wire(),
                v.location() == null ? "" : v.location().wire(),
                wire(v.unit())));
      }
    }
    return samples;
  }

  private static String wire(WireEnum value) {
    return value == null ? null : value.wire();
  }
}
