package dev.joule.processing;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import dev.joule.ocpp.ErrorCode;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.store.DatabaseUnavailable;
import dev.joule.store.PendingWrites;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch of leased CALLs through their handlers in one database transaction (group commit:
 * one fsync for many messages) and returns their answers only after the commit (rule 1).
 *
 * <p>If a handler fails, the batch is rolled back and every message runs again alone, so one bad
 * message costs its neighbours only time: the failing one is answered with its CALLERROR, the
 * others with their results. If the database itself fails, the exception propagates and nothing is
 * answered: the caller releases the leases for redelivery.
 *
 * <p>Events the handlers report ({@link CallContext#afterCommit()}) are published after the commit
 * that made them true, never for a rolled-back message.
 */
public final class BatchRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

  private final DataSource dataSource;
  private final Handlers handlers;
  private final OcppJson codec;
  private final Clock clock;
  private final EventSink events;

  public BatchRunner(DataSource dataSource, Handlers handlers, OcppJson codec, Clock clock) {
    this(dataSource, handlers, codec, clock, EventSink.NONE);
  }

  public BatchRunner(
      DataSource dataSource, Handlers handlers, OcppJson codec, Clock clock, EventSink events) {
    this.dataSource = dataSource;
    this.handlers = handlers;
    this.codec = codec;
    this.clock = clock;
    this.events = events;
  }

  List<Outcome> run(List<Lease> leases) throws SQLException {
    return run(leases, () -> false, FaultPoint.NONE);
  }

  /**
   * @param abandoned checked before the commit: a batch whose worker was abandoned is rolled back
   *     (its messages were redelivered) and {@link Abandoned} thrown
   */
  List<Outcome> run(List<Lease> leases, BooleanSupplier abandoned, FaultPoint faults)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<Outcome> outcomes = new ArrayList<>(leases.size());
        faults.database();
        Committed committed = new Committed();
        PendingWrites writes = new PendingWrites();
        for (Lease lease : leases) {
          outcomes.add(answer(lease, handle(connection, lease, writes, committed)));
        }
        flush(connection, writes);
        if (abandoned.getAsBoolean()) {
          connection.rollback();
          throw new Abandoned();
        }
        connection.commit();
        committed.publish(events);
        return outcomes;
      } catch (HandlerFailure e) {
        connection.rollback();
        if (leases.size() == 1) {
          return List.of(failed(leases.getFirst(), e));
        }
        return runAlone(connection, leases);
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      }
    }
  }

  private List<Outcome> runAlone(Connection connection, List<Lease> leases) throws SQLException {
    List<Outcome> outcomes = new ArrayList<>(leases.size());
    for (Lease lease : leases) {
      try {
        Committed committed = new Committed();
        PendingWrites writes = new PendingWrites();
        Response response = handle(connection, lease, writes, committed);
        flush(connection, writes);
        connection.commit();
        committed.publish(events);
        outcomes.add(answer(lease, response));
      } catch (HandlerFailure e) {
        connection.rollback();
        outcomes.add(failed(lease, e));
      }
    }
    return outcomes;
  }

  private Response handle(
      Connection connection, Lease lease, PendingWrites writes, Committed committed) {
    InboxMessage message = lease.message();
    CallContext context =
        new CallContext(
            message.chargerId(),
            message.call().messageId(),
            message.receivedAt(),
            clock.instant(),
            connection,
            writes,
            committed.events::add,
            committed.work::add);
    try (CallLogContext logged = CallLogContext.of(message)) {
      return handlers.dispatch(context, message.call().action(), message.call().payload());
    } catch (OcppViolation e) {
      throw new HandlerFailure(e.errorCode(), e.description(), null);
    } catch (DatabaseUnavailable e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HandlerFailure(ErrorCode.INTERNAL_ERROR, "processing failed", e);
    }
  }

  /**
   * Writes what the handlers collected. A statement refused for its data (not for the database
   * being unavailable) fails the batch like a handler, so that its messages run again alone and
   * only the one carrying the bad row is answered with a CALLERROR.
   */
  private static void flush(Connection connection, PendingWrites writes) {
    try {
      writes.flush(connection);
    } catch (DatabaseUnavailable e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HandlerFailure(ErrorCode.INTERNAL_ERROR, "processing failed", e);
    }
  }

  private Outcome answer(Lease lease, Response response) {
    return new Outcome(lease, codec.writeResult(lease.message().call().messageId(), response));
  }

  private Outcome failed(Lease lease, HandlerFailure failure) {
    InboxMessage message = lease.message();
    if (failure.getCause() != null) {
      try (CallLogContext logged = CallLogContext.of(message)) {
        LOG.warn(
            "{} {} from {} failed",
            message.call().action().wire(),
            message.call().messageId(),
            message.chargerId(),
            failure.getCause());
      }
    }
    return new Outcome(
        lease, codec.writeError(message.call().messageId(), failure.code, failure.getMessage()));
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed", e);
    }
  }

  /** What the handlers of a transaction left for after its commit: events, then work. */
  private static final class Committed {
    final List<ChargerEvent> events = new ArrayList<>();
    final List<Runnable> work = new ArrayList<>();

    void publish(EventSink sink) {
      events.forEach(sink::publish);
      work.forEach(Runnable::run);
    }
  }

  /** The batch's worker was abandoned before it could commit; nothing was committed. */
  static final class Abandoned extends RuntimeException {
    Abandoned() {
      super("abandoned", null, false, false);
    }
  }

  /** A handler refused or failed one message; the database is fine. */
  private static final class HandlerFailure extends RuntimeException {
    private final ErrorCode code;

    HandlerFailure(ErrorCode code, String description, Throwable cause) {
      super(description, cause, false, false);
      this.code = code;
    }
  }
}
