package dev.joule.domain.reservation;

import dev.joule.domain.command.Command;
import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.command.Commands;
import dev.joule.ocpp.message.reservation.CancelReservationRequest;
import dev.joule.ocpp.message.reservation.ReserveNowRequest;
import dev.joule.store.Database;
import dev.joule.store.ReservationRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reservations as an operator uses them: created {@code pending} and sent with ReserveNow (OCPP 1.6
 * §5.13) through {@link Commands}, so the command is recorded with its outcome; the answer moves
 * the reservation (the command's side effect, in the outcome's transaction); no answer makes it
 * {@code failed}; CancelReservation (§5.2) cancels it once Accepted; {@link #expireDue} expires it.
 * A StartTransaction marks it used ({@link ReservationLinks}).
 *
 * <p>Blocks on JDBC: call from the blocking executor, never the event loop.
 */
public final class Reservations {
  private static final Logger LOG = LoggerFactory.getLogger(Reservations.class);

  private final Database database;
  private final ReservationRepository repository;
  private final Commands commands;
  private final Clock clock;
  private final Executor blocking;

  /**
   * @param blocking where a ReserveNow's outcome is looked at once it arrives
   */
  public Reservations(
      Database database,
      ReservationRepository repository,
      Commands commands,
      Clock clock,
      Executor blocking) {
    this.database = database;
    this.repository = repository;
    this.commands = commands;
    this.clock = clock;
    this.blocking = blocking;
  }

  /** What an operator asks for; validated by the caller (lengths, expiry in the future). */
  public record Request(
      String chargerId,
      int connectorId,
      String idTag,
      Optional<String> parentIdTag,
      Instant expiryDate) {}

  /** Records the reservation and sends its ReserveNow. Empty when the charger is unknown. */
  public Optional<Reservation> create(Request request) {
    Optional<Reservation> created =
        database
            .inTransaction(
                connection ->
                    repository.create(
                        connection,
                        request.chargerId(),
                        request.connectorId(),
                        request.idTag(),
                        request.parentIdTag(),
                        request.expiryDate(),
                        ReservationStatus.PENDING.wire(),
                        clock.instant()))
            .map(Reservation::of);
    if (created.isEmpty()) {
      return created;
    }
    Reservation pending = created.get();
    ReserveNowRequest reserve =
        new ReserveNowRequest(
            pending.connectorId(),
            pending.expiryDate(),
            pending.idTag(),
            pending.parentIdTag().orElse(null),
            pending.id());
    Commands.Submitted submitted = commands.submit(pending.chargerId(), reserve).orElseThrow();
    long commandId = submitted.command().id();
    database.inTransaction(
        connection -> {
          repository.setCommand(connection, pending.chargerId(), pending.id(), commandId);
          return null;
        });
    submitted.outcome().thenAcceptAsync(command -> failIfUnanswered(pending, command), blocking);
    return find(pending.chargerId(), pending.id());
  }

  /** Sends CancelReservation; the reservation becomes {@code cancelled} once it is Accepted. */
  public Commands.Submitted cancel(Reservation reservation) {
    return commands
        .submit(reservation.chargerId(), new CancelReservationRequest(reservation.id()))
        .orElseThrow();
  }

  public Optional<Reservation> find(int id) {
    return database
        .inTransaction(connection -> repository.find(connection, id))
        .map(Reservation::of);
  }

  public Optional<Reservation> find(String chargerId, int id) {
    return database
        .inTransaction(connection -> repository.find(connection, chargerId, id))
        .map(Reservation::of);
  }

  /** Newest first, after {@code (beforeId, beforeCharger)}. */
  public List<Reservation> list(
      Optional<String> chargerId,
      Optional<ReservationStatus> status,
      Optional<Integer> beforeId,
      Optional<String> beforeCharger,
      int limit) {
    return database
        .inTransaction(
            connection ->
                repository.list(
                    connection,
                    chargerId,
                    status.map(ReservationStatus::wire),
                    beforeId,
                    beforeCharger,
                    limit))
        .stream()
        .map(Reservation::of)
        .toList();
  }

  /**
   * Every open reservation whose expiryDate has come becomes {@code expired} (OCPP 1.6 §5.13: the
   * charger ends it itself then; its StatusNotification Available for the connector agrees). Run it
   * every second or so; a failure is logged and the next run tries again.
   */
  public List<Reservation> expireDue() {
    try {
      return database
          .inTransaction(
              connection ->
                  repository.expire(
                      connection,
                      clock.instant(),
                      ReservationStatus.EXPIRED.wire(),
                      ReservationStates.from(ReservationStatus.EXPIRED)))
          .stream()
          .map(Reservation::of)
          .toList();
    } catch (RuntimeException e) {
      LOG.warn("reservations due to expire not expired this time: {}", e.toString());
      return List.of();
    }
  }

  /** A ReserveNow without an answer (offline, timeout, CALLERROR) leaves its reservation failed. */
  private void failIfUnanswered(Reservation pending, Command command) {
    if (command.status() == CommandStatus.ACCEPTED || command.status() == CommandStatus.REJECTED) {
      return; // the answer's side effect moved the reservation
    }
    database.inTransaction(
        connection ->
            repository.move(
                connection,
                pending.chargerId(),
                pending.id(),
                ReservationStatus.FAILED.wire(),
                ReservationStates.from(ReservationStatus.FAILED),
                Optional.of(command.id()),
                Optional.empty(),
                clock.instant()));
  }
}
