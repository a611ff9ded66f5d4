package dev.joule.processing;

import java.sql.Connection;
import java.time.Instant;

/**
 * What a handler knows about the CALL it answers: who sent it, its id, when the gateway received
 * it, and the database transaction its effects join. The transaction commits before the reply is
 * sent (DESIGN.md rule 1), together with the other messages of the same batch.
 */
public record CallContext(
    String chargerId, String callId, Instant receivedAt, Instant now, Connection connection) {}
