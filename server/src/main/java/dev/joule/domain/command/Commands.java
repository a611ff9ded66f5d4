package dev.joule.domain.command;

import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Response;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.security.Secrets;
import dev.joule.security.SecurityChanges;
import dev.joule.store.ChargerStateRepository;
import dev.joule.store.CommandRepository;
import dev.joule.store.Database;
import dev.joule.store.LocalListRepository;
import dev.joule.store.ReservationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator commands: records each one, hands it to the charger's connection through a {@link
 * CommandChannel}, and records what became of it. A command is final at the latest when the
 * gateway's call timeout ends (or its connection closes); commands a previous process left queued
 * or sent are resolved by {@link #resolveInterrupted()} on start.
 *
 * <p>A command submitted with a time to live waits, {@code queued}, while its charger is offline:
 * it is handed over when the charger connects ({@link #connected}), in the order submitted, or
 * completed {@code offline} when the time to live ends. Every status change is published as a
 * {@link ChargerEvent.CommandStatusChanged} after it was committed.
 *
 * <p>{@link #submit}, {@link #find}, {@link #list} and {@link #resolveInterrupted} block on JDBC:
 * call them from the blocking executor, never the event loop.
 */
public final class Commands {
  /** error_code of commands a previous Joule process left without an outcome. */
  public static final String RESTARTED = "JouleRestarted";

  private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

  /** How long a command found not sent after all waits before it is handed over again. */
  private static final Duration RETRY = Duration.ofMillis(500);

  private final Database database;
  private final CommandRepository repository;
  private final CommandChannel channel;
  private final OcppJson answers;
  private final SideEffects sideEffects;
  private final Clock clock;
  private final Executor blocking;
  private final ScheduledExecutorService timers;
  private final EventSink events;

  /** Commands waiting for their charger to connect, per charger in submission order. */
  private final Map<String, Deque<Pending>> waiting = new HashMap<>();

  /**
   * @param answers the codec that reads chargers' answers (unknown fields ignored, decision 0003)
   * @param blocking where outcomes are recorded once the charger answered
   * @param timers ends the time to live of waiting commands (the work itself goes to {@code
   *     blocking})
   */
  public Commands(
      Database database,
      CommandRepository repository,
      CommandChannel channel,
      OcppJson answers,
      Clock clock,
      Executor blocking,
      ScheduledExecutorService timers,
      EventSink events) {
    this.database = database;
    this.repository = repository;
    this.channel = channel;
    this.answers = answers;
    this.sideEffects =
        new SideEffects(
            repository,
            new ChargerStateRepository(),
            new SecurityChanges(),
            new ReservationRepository(),
            new LocalListRepository());
    this.clock = clock;
    this.blocking = blocking;
    this.timers = timers;
    this.events = events;
  }

  /** A command just recorded, and its outcome once final. */
  public record Submitted(Command command, CompletableFuture<Command> outcome) {}

  /** A command not yet handed to a connection. */
  private record Pending(
      long id,
      String chargerId,
      Action action,
      Request request,
      Optional<Instant> expiresAt,
      CompletableFuture<Command> outcome) {}

  /** Submits without a time to live: an offline charger fails the command at once. */
  public Optional<Submitted> submit(String chargerId, Request request) {
    return submit(chargerId, request, Optional.empty());
  }

  /**
   * Records a command and hands it to the charger's connection. Empty when the charger is unknown.
   * The request must already be valid (the API reads it with the strict codec). With {@code ttl}, a
   * charger that is not connected does not fail the command: it stays {@code queued} until the
   * charger connects or {@code ttl} passes.
   */
  public Optional<Submitted> submit(String chargerId, Request request, Optional<Duration> ttl) {
    Action action = Action.ofRequest(request.getClass());
    // An AuthorizationKey is stored and shown as *** (the side effect reads the request in memory).
    String payload = Secrets.redact(answers.writePayload((Record) request));
    Instant now = clock.instant();
    Optional<CommandRepository.Row> queued =
        database.inTransaction(
            connection ->
                repository.insert(
                    connection,
                    chargerId,
                    action.wire(),
                    payload,
                    CommandStatus.QUEUED.wire(),
                    now));
    if (queued.isEmpty()) {
      return Optional.empty();
    }
    Command current = command(queued.get());
    publish(current);
    Pending pending =
        new Pending(
            current.id(),
            chargerId,
            action,
            request,
            ttl.map(now::plus),
            new CompletableFuture<>());
    Optional<CompletableFuture<Delivery>> delivery;
    synchronized (waiting) {
      delivery = handOrPark(pending);
    }
    if (delivery.isPresent()) {
      current = handed(pending, delivery.get()).map(at -> sent(queued.get(), at)).orElse(current);
    }
    return Optional.of(new Submitted(current, pending.outcome()));
  }

  /**
   * Submits on the blocking executor and returns at once: for work that follows a commit on a
   * processing thread (the CertificateSigned a SignCertificate answer promised). A failure is
   * logged; the command, once recorded, has its outcome like any other.
   */
  public void submitLater(String chargerId, Request request, Duration ttl) {
    blocking.execute(
        () -> {
          try {
            if (submit(chargerId, request, Optional.of(ttl)).isEmpty()) {
              LOG.warn("{}: {} not sent: unknown charger", chargerId, request.getClass());
            }
          } catch (RuntimeException e) {
            LOG.error("{}: {} not recorded", chargerId, request.getClass().getSimpleName(), e);
          }
        });
  }

  /**
   * The charger just connected: commands waiting for it are handed over, in order. Does not block;
   * call it from the gateway's connection events.
   */
  public void connected(String chargerId) {
    blocking.execute(() -> drain(chargerId));
  }

  public Optional<Command> find(long id) {
    return database
        .inTransaction(connection -> repository.find(connection, id))
        .map(Commands::command);
  }

  /** What the charger reported on command {@code id} since (GetLog, SignedUpdateFirmware). */
  public List<Notification> notifications(long id) {
    return database.inTransaction(connection -> repository.notifications(connection, id)).stream()
        .map(n -> new Notification(n.action(), n.status(), n.requestId(), n.receivedAt()))
        .toList();
  }

  /** Newest first; {@code beforeId} continues a list after its last item. */
  public List<Command> list(
      Optional<String> chargerId,
      Optional<CommandStatus> status,
      Optional<Action> action,
      Optional<Long> beforeId,
      int limit) {
    return database
        .inTransaction(
            connection ->
                repository.list(
                    connection,
                    chargerId,
                    status.map(CommandStatus::wire),
                    action.map(Action::wire),
                    beforeId,
                    limit))
        .stream()
        .map(Commands::command)
        .toList();
  }

  /**
   * Resolves the commands a previous process left queued or sent: they become {@code error} with
   * code {@value #RESTARTED}. They are not resent, because the charger may already have acted on a
   * sent one and a second Reset or RemoteStartTransaction is not harmless; the operator decides.
   * Commands waiting for a reconnect are not resent either: their waiter was the process that
   * ended. Call once on start, before the API accepts commands.
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

  /**
   * Under the lock of {@link #waiting}: hands the command to the channel, or parks it when it has a
   * time to live and its charger is offline (or other commands already wait for it). Handing over
   * and parking under one lock means a charger that connects meanwhile is never missed: its
   * connection is visible to the channel before {@link #connected} runs.
   */
  private Optional<CompletableFuture<Delivery>> handOrPark(Pending pending) {
    Deque<Pending> queue = waiting.get(pending.chargerId());
    if (pending.expiresAt().isPresent() && queue != null) {
      queue.addLast(pending);
      return Optional.empty();
    }
    CompletableFuture<Delivery> delivery = channel.deliver(pending.chargerId(), pending.request());
    if (pending.expiresAt().isPresent() && notConnected(delivery)) {
      park(pending);
      return Optional.empty();
    }
    return Optional.of(delivery);
  }

  private void park(Pending pending) {
    waiting.computeIfAbsent(pending.chargerId(), id -> new ArrayDeque<>()).addLast(pending);
    long delay = Duration.between(clock.instant(), pending.expiresAt().orElseThrow()).toMillis();
    timers.schedule(
        () -> blocking.execute(() -> expire(pending)), Math.max(0, delay), TimeUnit.MILLISECONDS);
  }

  private void drain(String chargerId) {
    List<Pending> handed = new ArrayList<>();
    List<CompletableFuture<Delivery>> deliveries = new ArrayList<>();
    synchronized (waiting) {
      Deque<Pending> queue = waiting.remove(chargerId);
      while (queue != null && !queue.isEmpty()) {
        Pending pending = queue.pollFirst();
        CompletableFuture<Delivery> delivery =
            channel.deliver(pending.chargerId(), pending.request());
        if (notConnected(delivery)) { // gone again: keep it and the rest waiting, in order
          queue.addFirst(pending);
          waiting.put(chargerId, queue);
          break;
        }
        handed.add(pending);
        deliveries.add(delivery);
      }
    }
    for (int i = 0; i < handed.size(); i++) {
      handed(handed.get(i), deliveries.get(i));
    }
  }

  private void expire(Pending pending) {
    synchronized (waiting) {
      Deque<Pending> queue = waiting.get(pending.chargerId());
      if (queue == null || !queue.remove(pending)) {
        return; // handed over meanwhile
      }
      if (queue.isEmpty()) {
        waiting.remove(pending.chargerId());
      }
    }
    complete(
        pending,
        new Delivery.Offline(false, "the charger did not connect within the command's ttl"));
  }

  /**
   * Records {@code sent} if the call is under way (returns when), and records the outcome when it
   * arrives: only after {@code sent} was recorded and published, so the events keep their order.
   */
  private Optional<Instant> handed(Pending pending, CompletableFuture<Delivery> delivery) {
    Optional<Instant> sent = Optional.empty();
    if (!delivery.isDone()) {
      Instant sentAt = clock.instant();
      if (database.inTransaction(
          connection -> repository.markSent(connection, pending.id(), sentAt))) {
        sent = Optional.of(sentAt);
        publish(
            new ChargerEvent.CommandStatusChanged(
                pending.chargerId(),
                sentAt,
                pending.id(),
                pending.action().wire(),
                CommandStatus.SENT.wire(),
                Optional.empty()));
      }
    }
    delivery.thenAcceptAsync(
        result -> {
          if (notSentWithTimeLeft(pending, result)) {
            requeue(pending);
          } else {
            complete(pending, result);
          }
        },
        blocking);
    return sent;
  }

  /**
   * A command with a ttl that turned out not sent after it was handed over: in a cluster, the
   * gateway node the registry named was gone before anyone noticed. It waits again, as if its
   * charger had been offline from the start.
   */
  private boolean notSentWithTimeLeft(Pending pending, Delivery result) {
    return result instanceof Delivery.Offline offline
        && !offline.sent()
        && pending.expiresAt().filter(clock.instant()::isBefore).isPresent();
  }

  private void requeue(Pending pending) {
    if (database.inTransaction(connection -> repository.markQueued(connection, pending.id()))) {
      publish(
          new ChargerEvent.CommandStatusChanged(
              pending.chargerId(),
              clock.instant(),
              pending.id(),
              pending.action().wire(),
              CommandStatus.QUEUED.wire(),
              Optional.empty()));
    }
    // Not at once: the registry may name the gone node for a few seconds more.
    timers.schedule(
        () -> blocking.execute(() -> retry(pending)), RETRY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void retry(Pending pending) {
    Optional<CompletableFuture<Delivery>> delivery;
    synchronized (waiting) {
      delivery = handOrPark(pending);
    }
    delivery.ifPresent(d -> handed(pending, d));
  }

  private void complete(Pending pending, Delivery delivery) {
    try {
      Command done = finish(pending, delivery);
      pending.outcome().complete(done);
    } catch (RuntimeException e) {
      LOG.error(
          "{}: command {} ({}): outcome not recorded",
          pending.chargerId(),
          pending.id(),
          pending.action(),
          e);
      pending.outcome().completeExceptionally(e);
    }
  }

  private static boolean notConnected(CompletableFuture<Delivery> delivery) {
    return delivery.isDone()
        && delivery.getNow(null) instanceof Delivery.Offline offline
        && !offline.sent();
  }

  private Command finish(Pending pending, Delivery delivery) {
    long id = pending.id();
    String chargerId = pending.chargerId();
    Action action = pending.action();
    Instant now = clock.instant();
    Outcome outcome = outcome(action, delivery);
    Finished finished =
        database.inTransaction(
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
                return new Finished(
                    repository.find(connection, id).map(Commands::command).orElseThrow(), false);
              }
              if (outcome.response().isPresent()) {
                sideEffects.apply(
                    connection,
                    id,
                    chargerId,
                    action,
                    pending.request(),
                    outcome.response().get(),
                    now);
                if (action == Action.REMOTE_STOP_TRANSACTION) { // its link is not in done
                  return new Finished(
                      repository.find(connection, id).map(Commands::command).orElseThrow(), true);
                }
              }
              return new Finished(command(done.get()), true);
            });
    if (finished.changed()) {
      publish(finished.command());
    }
    return finished.command();
  }

  private record Finished(Command command, boolean changed) {}

  private void publish(ChargerEvent.CommandStatusChanged event) {
    events.publish(event);
  }

  private void publish(Command command) {
    events.publish(
        new ChargerEvent.CommandStatusChanged(
            command.chargerId(),
            clock.instant(),
            command.id(),
            command.action(),
            command.status().wire(),
            command.errorCode()));
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
              Optional.of(Secrets.redact(answered.payloadJson())),
              Optional.of("InvalidResponse"),
              Optional.of(e.getMessage()));
        }
        yield new Outcome(
            Outcomes.of(action, response),
            true,
            Optional.of(response),
            Optional.of(Secrets.redact(answered.payloadJson())),
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

  private static Command sent(CommandRepository.Row queued, Instant at) {
    Command command = command(queued);
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
        command.errorDescription(),
        command.transactionId());
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
        row.errorDescription(),
        row.transactionId());
  }
}
