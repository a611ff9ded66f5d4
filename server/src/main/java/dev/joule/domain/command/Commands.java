package dev.joule.domain.command;

import dev.joule.ocpp.Action;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.store.CommandRepository;
import dev.joule.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator commands: records each one, hands it to the charger's connection through a {@link
 * CommandChannel}, and records what became of it. A command is final at the latest when the
 * gateway's call timeout ends (or its connection closes); commands a previous process left queued
 * or sent are resolved by {@link #resolveInterrupted()} on start.
 *
 * <p>All methods block on JDBC: call them from the blocking executor, never the event loop.
 */
public final class Commands {
  /** error_code of commands a previous Joule process left without an outcome. */
  public static final String RESTARTED = "JouleRestarted";

  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

  private final Database database;
  private final CommandRepository repository;
  private final CommandChannel channel;
  private final OcppJson answers;
  private final SideEffects sideEffects;
  private final Clock clock;
  private final Executor blocking;

  /**
   * @param answers the codec that reads chargers' answers (unknown fields ignored, decision 0003)
   * @param blocking where outcomes are recorded once the charger answered
   */
  public Commands(
      Database database,
      CommandRepository repository,
      CommandChannel channel,
      OcppJson answers,
      Clock clock,
      Executor blocking) {
    this.database = database;
    this.repository = repository;
    this.channel = channel;
    this.answers = answers;
    this.sideEffects = new SideEffects(repository);
    this.clock = clock;
    this.blocking = blocking;
  }

  /** A command just recorded, and its outcome once final. */
  public record Submitted(Command command, CompletableFuture<Command> outcome) {}

  /**
   * Records a command and hands it to the charger's connection. Empty when the charger is unknown.
   * The request must already be valid (the API reads it with the strict codec).
   */
  public Optional<Submitted> submit(String chargerId, Request request) {
    Action action = Action.ofRequest(request.getClass());
    String payload = answers.writePayload((Record) request);
    Optional<CommandRepository.Row> queued =
        database.inTransaction(
            connection ->
                repository.insert(
                    connection,
                    chargerId,
                    action.wire(),
                    payload,
                    CommandStatus.QUEUED.wire(),
                    clock.instant()));
    if (queued.isEmpty()) {
      return Optional.empty();
    }
    long id = queued.get().id();
    CompletableFuture<Delivery> delivery = channel.deliver(chargerId, request);
    Command current = command(queued.get());
    if (!delivery.isDone()) {
      Instant sentAt = clock.instant();
      if (database.inTransaction(connection -> repository.markSent(connection, id, sentAt))) {
        current = sent(current, sentAt);
      }
    }
    CompletableFuture<Command> outcome =
        delivery.thenApplyAsync(result -> finish(id, chargerId, action, result), blocking);
    outcome.exceptionally(
        failure -> {
          LOG.error("{}: command {} ({}): outcome not recorded", chargerId, id, action, failure);
          return null;
        });
    return Optional.of(new Submitted(current, outcome));
  }

  public Optional<Command> find(long id) {
    return database
        .inTransaction(connection -> repository.find(connection, id))
        .map(Commands::command);
  }

  /** Newest first; {@code beforeId} continues a list after its last item. */
  public List<Command> list(
      Optional<String> chargerId,
      Optional<CommandStatus> status,
      Optional<Long> beforeId,
      int limit) {
    return database
        .inTransaction(
            connection ->
                repository.list(
                    connection, chargerId, status.map(CommandStatus::wire), beforeId, limit))
        .stream()
        .map(Commands::command)
        .toList();
  }

  /**
   * Resolves the commands a previous process left queued or sent: they become {@code error} with
   * code {@value #RESTARTED}. They are not resent, because the charger may already have acted on a
   * sent one and a second Reset or RemoteStartTransaction is not harmless; the operator decides.
   * Call once on start, before the API accepts commands.
   */
  public int resolveInterrupted() {
    return database.inTransaction(
        connection ->
            repository.completeAllPending(
                connection,
                CommandStatus.ERROR.wire(),
                RESTARTED,
                "Joule restarted before the charger answered; the charger may or may not have"
                    + " acted on it",
                clock.instant()));
  }

  private Command finish(long id, String chargerId, Action action, Delivery delivery) {
    Instant now = clock.instant();
    Outcome outcome = outcome(action, delivery);
    return database.inTransaction(
        connection -> {
          Optional<CommandRepository.Row> done =
              repository.complete(
                  connection,
                  id,
                  outcome.status().wire(),
                  outcome.sent() ? Optional.of(now) : Optional.empty(),
                  now,
                  outcome.responseJson(),
                  outcome.errorCode(),
                  outcome.errorDescription());
          if (done.isEmpty()) {
            return repository.find(connection, id).map(Commands::command).orElseThrow();
          }
          outcome
              .response()
              .ifPresent(
                  response ->
                      sideEffects.apply(
                          connection, chargerId, action, request(done.get()), response, now));
          return command(done.get());
        });
  }

  private Request request(CommandRepository.Row row) {
    Action action = Action.fromWire(row.action()).orElseThrow();
    return answers.readRequest(action, row.payloadJson());
  }

  private record Outcome(
      CommandStatus status,
      boolean sent,
      Optional<Response> response,
      Optional<String> responseJson,
      Optional<String> errorCode,
      Optional<String> errorDescription) {
    static Outcome failed(CommandStatus status, boolean sent, String code, String description) {
      return new Outcome(
          status,
          sent,
          Optional.empty(),
          Optional.empty(),
          Optional.of(code),
          Optional.of(description));
    }
  }

  private Outcome outcome(Action action, Delivery delivery) {
    return switch (delivery) {
      case Delivery.Answered answered -> {
        Response response;
        try {
          response = answers.readResponse(action, answered.payloadJson());
        } catch (OcppViolation e) {
          yield new Outcome(
              CommandStatus.ERROR,
              true,
              Optional.empty(),
              Optional.of(answered.payloadJson()),
              Optional.of("InvalidResponse"),
              Optional.of(e.getMessage()));
        }
        yield new Outcome(
            Outcomes.of(action, response),
            true,
            Optional.of(response),
            Optional.of(answered.payloadJson()),
            Optional.empty(),
            Optional.empty());
      }
      case Delivery.Failed failed ->
          Outcome.failed(
              CommandStatus.ERROR, true, failed.errorCode().wire(), failed.description());
      case Delivery.TimedOut timedOut ->
          Outcome.failed(CommandStatus.TIMEOUT, true, "Timeout", timedOut.description());
      case Delivery.Offline offline ->
          Outcome.failed(
              CommandStatus.OFFLINE,
              offline.sent(),
              offline.sent() ? "Disconnected" : "NotConnected",
              offline.description());
    };
  }

  private static Command sent(Command command, Instant at) {
    return new Command(
        command.id(),
        command.chargerId(),
        command.action(),
        command.payloadJson(),
        CommandStatus.SENT,
        command.queuedAt(),
        Optional.of(at),
        command.completedAt(),
        command.responseJson(),
        command.errorCode(),
        command.errorDescription());
  }

  private static Command command(CommandRepository.Row row) {
    return new Command(
        row.id(),
        row.chargerId(),
        row.action(),
        row.payloadJson(),
        CommandStatus.fromWire(row.status()).orElseThrow(),
        row.queuedAt(),
        row.sentAt(),
        row.completedAt(),
        row.responseJson(),
        row.errorCode(),
        row.errorDescription());
  }
}
