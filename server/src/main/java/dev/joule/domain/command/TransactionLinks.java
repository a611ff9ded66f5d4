package dev.joule.domain.command;

import dev.joule.store.CommandRepository;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which RemoteStartTransaction caused a new transaction. OCPP 1.6 §5.11: a charger that accepts a
 * remote start starts a transaction for that idTag (on that connector, if one was given) once the
 * cable is plugged in, within its ConnectionTimeOut; the StartTransaction.req does not say it was
 * remote. So the transaction is linked to the oldest command of that charger, not yet linked, for
 * that idTag (case-insensitive) and connector, sent or accepted and queued at most {@link #WINDOW}
 * before the StartTransaction arrived. A command still {@code sent} counts: the charger may start
 * before its answer is recorded.
 */
public final class TransactionLinks {
  /** Longer than the usual ConnectionTimeOut (30 s to a few minutes). */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final CommandRepository repository;

  public TransactionLinks(CommandRepository repository) {
    this.repository = repository;
  }

  /** Links a new transaction to the remote start that caused it, if one did; its command id. */
  public Optional<Long> remoteStartOf(
      Connection connection,
      String chargerId,
      String idTag,
      int connectorId,
      int transactionId,
      Instant receivedAt) {
    return repository.linkRemoteStart(
        connection, chargerId, idTag, connectorId, transactionId, receivedAt.minus(WINDOW));
  }
}
