package dev.joule.processing;

import dev.joule.domain.event.EventSink;
import dev.joule.store.PendingWrites;
import java.sql.Connection;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What a handler knows about the CALL it answers: who sent it, its id, when the gateway received
 * it, and the database transaction its effects join. The transaction commits before the reply is
 * sent (DESIGN.md rule 1), together with the other messages of the same batch.
 *
 * @param writes rows for the high-volume tables, written for the whole batch just before the
 *     commit; a handler reading them back within its own message would not see them
 * @param afterCommit takes the events the handler's effects imply; they are published only once the
 *     transaction committed, and dropped if it rolls back
 * @param onCommit takes work that must follow the commit (a command the answer promised, such as
 *     CertificateSigned after SignCertificate); run once committed, dropped on a rollback. The work
 *     must not block: it runs on the processing thread before the replies go out
 */
public record CallContext(
    String chargerId,
    String callId,
    Instant receivedAt,
    Instant now,
    Connection connection,
    PendingWrites writes,
    EventSink afterCommit,
    Consumer<Runnable> onCommit) {}
