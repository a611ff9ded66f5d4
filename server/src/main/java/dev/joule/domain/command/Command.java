package dev.joule.domain.command;

import java.time.Instant;
import java.util.Optional;

/**
 * One command as recorded.
 *
 * @param payloadJson the request payload as sent
 * @param responseJson the charger's CALLRESULT payload, once answered
 * @param errorCode the CALLERROR code, or Joule's reason (e.g. {@code JouleRestarted})
 * @param transactionId the transaction a RemoteStartTransaction caused or a RemoteStopTransaction
 *     stopped ({@link TransactionLinks})
 */
public record Command(
    long id,
    String chargerId,
    String action,
    String payloadJson,
    CommandStatus status,
    Instant queuedAt,
    Optional<Instant> sentAt,
    Optional<Instant> completedAt,
    Optional<String> responseJson,
    Optional<String> errorCode,
    Optional<String> errorDescription,
    Optional<Integer> transactionId) {}
