package dev.joule.domain.localauth;

import dev.joule.domain.command.Command;
import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.command.Commands;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.localauth.GetLocalListVersionRequest;
import dev.joule.ocpp.message.localauth.SendLocalListResponse;
import dev.joule.ocpp.message.localauth.UpdateStatus;
import dev.joule.store.Database;
import dev.joule.store.IdTagRepository;
import dev.joule.store.LocalListRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local authorization lists kept by Joule (Local Auth List Management, OCPP 1.6 §3.5, §5.10,
 * §5.15): the operator says which id tags a charger's list holds; Joule sends the SendLocalList
 * messages ({@link LocalListPlan}) through {@link Commands}, one charger at a time, asks
 * GetLocalListVersion when it does not know the charger's version and whenever a charger with a
 * list connects, and sends the whole list again after Failed or VersionMismatch.
 *
 * <p>Blocks on JDBC and on the charger's answers: call from the blocking executor; {@link
 * #connected} and {@link #want} hand their sending to {@code blocking}.
 */
public final class LocalLists {
  /** Rounds of "ask, plan, send" before a list that will not settle is {@code failed}. */
  static final int MAX_ROUNDS = 3;

  /** Longer than any call-timeout: every command's outcome arrives by then. */
  private static final Duration OUTCOME_BOUND = Duration.ofMinutes(5);

  static final String SEND_MAX = "SendLocalListMaxLength";
  static final String LIST_MAX = "LocalAuthListMaxLength";

  private static final Logger LOG = LoggerFactory.getLogger(LocalLists.class);

  private final Database database;
  private final LocalListRepository repository;
  private final IdTagRepository idTags;
  private final Commands commands;
  private final OcppJson answers;
  private final Clock clock;
  private final Executor blocking;

  /** Chargers whose list is being brought up to date, and whether to ask the version next. */
  private final Map<String, Boolean> queued = new HashMap<>();

  private final Set<String> active = new HashSet<>();

  public LocalLists(
      Database database,
      LocalListRepository repository,
      IdTagRepository idTags,
      Commands commands,
      OcppJson answers,
      Clock clock,
      Executor blocking) {
    this.database = database;
    this.repository = repository;
    this.idTags = idTags;
    this.commands = commands;
    this.answers = answers;
    this.clock = clock;
    this.blocking = blocking;
  }

  /**
   * A charger's list as the operator sees it.
   *
   * @param group the id tag group the list follows, if it is a group's: {@code idTags} are then its
   *     members now
   */
  public record View(
      String chargerId,
      List<String> idTags,
      LocalListState state,
      Optional<String> detail,
      OptionalInt listVersion,
      List<String> held,
      Instant updatedAt,
      Optional<String> group) {}

  /** What became of a {@link #want}. */
  public sealed interface Want {
    record Wanted(View view) implements Want {}

    record UnknownCharger() implements Want {}

    record UnknownIdTags(List<String> idTags) implements Want {}

    /** More tags than the charger's LocalAuthListMaxLength. */
    record TooMany(int count, int max) implements Want {}

    /** No id tag has this group as its parentIdTag: most likely a typo, refused. */
    record EmptyGroup(String group) implements Want {}
  }

  /** Sets the id tags of the charger's list (Joule's id tags, spelt as they are) and sends it. */
  public Want want(String chargerId, List<String> tags) {
    Want want =
        database.inTransaction(
            connection -> {
              List<String> spelt = new ArrayList<>();
              List<String> unknown = new ArrayList<>();
              for (String tag : tags) {
                idTags
                    .find(connection, tag)
                    .ifPresentOrElse(t -> spelt.add(t.idTag()), () -> unknown.add(tag));
              }
              if (!unknown.isEmpty()) {
                return new Want.UnknownIdTags(unknown);
              }
              List<String> distinct = spelt.stream().distinct().toList();
              return recordWanted(
                  connection, chargerId, distinct, Optional.empty(), distinct.size());
            });
    if (want instanceof Want.Wanted) {
      sync(chargerId, false);
    }
    return want;
  }

  /**
   * Makes the charger's list the id tags whose parentIdTag is {@code group} (OCPP's grouping of id
   * tags) and sends it; the list then follows the group: a tag that joins, leaves or changes is
   * sent as it does ({@link #idTagChanged}).
   */
  public Want wantGroup(String chargerId, String group) {
    Want want =
        database.inTransaction(
            connection -> {
              List<String> members = repository.groupMembers(connection, group);
              if (members.isEmpty()) {
                return new Want.EmptyGroup(group);
              }
              return recordWanted(
                  connection, chargerId, List.of(), Optional.of(group), members.size());
            });
    if (want instanceof Want.Wanted) {
      sync(chargerId, false);
    }
    return want;
  }

  private Want recordWanted(
      java.sql.Connection connection,
      String chargerId,
      List<String> tags,
      Optional<String> group,
      int count) {
    OptionalInt max = repository.configuration(connection, chargerId, LIST_MAX);
    if (max.isPresent() && count > max.getAsInt()) {
      return new Want.TooMany(count, max.getAsInt());
    }
    if (!repository.want(
        connection, chargerId, tags, group, LocalListState.SENDING.wire(), clock.instant())) {
      return new Want.UnknownCharger();
    }
    return new Want.Wanted(view(connection, chargerId).orElseThrow());
  }

  public Optional<View> find(String chargerId) {
    return database.inTransaction(connection -> view(connection, chargerId));
  }

  /**
   * A charger connected: if it has a list, ask its version (it may have lost or changed its list
   * while away) and send what it lacks. Does not block.
   */
  public void connected(String chargerId) {
    blocking.execute(
        () -> {
          try {
            if (database.inTransaction(c -> repository.state(c, chargerId)).isPresent()) {
              sync(chargerId, true);
            }
          } catch (RuntimeException e) {
            LOG.warn("{}: local list not checked on connect: {}", chargerId, e.toString());
          }
        });
  }

  /**
   * An id tag was created, changed or deleted: every list that wants it, or whose group it joined
   * or left, is sent again (its idTagInfo, or its removal). Does not block.
   */
  public void idTagChanged(String idTag) {
    blocking.execute(
        () -> {
          try {
            database
                .inTransaction(c -> repository.chargersWanting(c, idTag))
                .forEach(chargerId -> sync(chargerId, false));
          } catch (RuntimeException e) {
            LOG.warn("local lists with {} not sent again: {}", idTag, e.toString());
          }
        });
  }

  private void sync(String chargerId, boolean askVersion) {
    synchronized (queued) {
      queued.merge(chargerId, askVersion, Boolean::logicalOr);
      if (!active.add(chargerId)) {
        return; // the running loop takes it up
      }
    }
    blocking.execute(() -> drain(chargerId));
  }

  private void drain(String chargerId) {
    while (true) {
      boolean ask;
      synchronized (queued) {
        Boolean next = queued.remove(chargerId);
        if (next == null) {
          active.remove(chargerId);
          return;
        }
        ask = next;
      }
      try {
        bringUpToDate(chargerId, ask);
      } catch (RuntimeException e) {
        LOG.warn("{}: local list not sent", chargerId, e);
        state(chargerId, LocalListState.FAILED, Optional.of(e.toString()));
      }
    }
  }

  private void bringUpToDate(String chargerId, boolean askVersion) {
    boolean ask = askVersion;
    boolean full = false;
    String problem = "";
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (ask || versions(chargerId).charger().isEmpty()) {
        Optional<Command> asked = call(chargerId, new GetLocalListVersionRequest());
        if (asked.filter(c -> c.status() == CommandStatus.ACCEPTED).isEmpty()) {
          state(
              chargerId,
              LocalListState.WAITING,
              Optional.of("GetLocalListVersion " + LocalListRequests.why(asked)));
          return;
        }
      }
      List<LocalListPlan.Message> plan = plan(chargerId, full);
      if (plan == null) {
        state(
            chargerId,
            LocalListState.NOT_SUPPORTED,
            Optional.of("the charger reports list version -1: no local list (OCPP 1.6 §5.10)"));
        return;
      }
      if (plan.isEmpty()) {
        state(chargerId, LocalListState.IN_SYNC, Optional.empty());
        return;
      }
      state(chargerId, LocalListState.SENDING, Optional.of(LocalListRequests.describe(plan)));
      switch (send(chargerId, plan)) {
        case Sent.Stopped stopped -> {
          return; // its state is recorded
        }
        case Sent.Accepted accepted -> { // the next round finds it in sync
          ask = false;
          full = false;
        }
        case Sent.Refused refused -> {
          // §5.15: after Failed or VersionMismatch, ask the version and send the whole list again
          problem = refused.problem();
          ask = true;
          full = true;
        }
      }
    }
    state(
        chargerId,
        LocalListState.FAILED,
        Optional.of("not in sync after " + MAX_ROUNDS + " rounds; last: " + problem));
  }

  /** What sending a plan came to. */
  private sealed interface Sent {
    /** Every message was accepted. */
    record Accepted() implements Sent {}

    /** Failed or VersionMismatch: answered with a full resend. */
    record Refused(String problem) implements Sent {}

    /** No answer, or NotSupported: the state says why. */
    record Stopped() implements Sent {}
  }

  /** Sends the plan's messages in order, until one is not accepted. */
  private Sent send(String chargerId, List<LocalListPlan.Message> plan) {
    for (LocalListPlan.Message message : plan) {
      Optional<Command> sent = call(chargerId, LocalListRequests.request(message));
      Optional<UpdateStatus> status = sent.flatMap(this::updateStatus);
      if (status.isEmpty()) {
        state(
            chargerId,
            LocalListState.WAITING,
            Optional.of("SendLocalList " + LocalListRequests.why(sent)));
        return new Sent.Stopped();
      }
      if (status.get() == UpdateStatus.NOT_SUPPORTED) {
        state(chargerId, LocalListState.NOT_SUPPORTED, Optional.of("SendLocalList NotSupported"));
        return new Sent.Stopped();
      }
      if (status.get() != UpdateStatus.ACCEPTED) {
        return new Sent.Refused(
            "SendLocalList version " + message.version() + " " + status.get().wire());
      }
    }
    return new Sent.Accepted();
  }

  /** The messages to send now; null when the charger has no local list support. */
  private List<LocalListPlan.Message> plan(String chargerId, boolean full) {
    return database.inTransaction(
        connection -> {
          LocalListRepository.Versions versions = repository.versions(connection, chargerId);
          int version = versions.charger().orElse(0);
          if (version < 0) {
            return null;
          }
          return LocalListPlan.of(
              repository.wanted(connection, chargerId),
              repository.held(connection, chargerId),
              versions.held(),
              version,
              repository.configuration(connection, chargerId, SEND_MAX),
              full);
        });
  }

  private LocalListRepository.Versions versions(String chargerId) {
    return database.inTransaction(connection -> repository.versions(connection, chargerId));
  }

  private Optional<Command> call(String chargerId, Request request) {
    Optional<Commands.Submitted> submitted = commands.submit(chargerId, request);
    if (submitted.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          submitted.get().outcome().get(OUTCOME_BOUND.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      return Optional.of(submitted.get().command());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private Optional<UpdateStatus> updateStatus(Command command) {
    if (command.status() != CommandStatus.ACCEPTED && command.status() != CommandStatus.REJECTED) {
      return Optional.empty();
    }
    return command
        .responseJson()
        .map(json -> ((SendLocalListResponse) answers.readResponse(Action.SEND_LOCAL_LIST, json)))
        .map(SendLocalListResponse::status);
  }

  private void state(String chargerId, LocalListState state, Optional<String> detail) {
    database.inTransaction(
        connection -> {
          repository.setState(connection, chargerId, state.wire(), detail, clock.instant());
          return null;
        });
  }

  private Optional<View> view(java.sql.Connection connection, String chargerId) {
    return repository
        .state(connection, chargerId)
        .map(
            s ->
                new View(
                    chargerId,
                    repository.wanted(connection, chargerId).stream()
                        .map(LocalListRepository.Entry::idTag)
                        .toList(),
                    Arrays.stream(LocalListState.values())
                        .filter(v -> v.wire().equals(s.state()))
                        .findFirst()
                        .orElseThrow(),
                    s.detail(),
                    repository.versions(connection, chargerId).charger(),
                    repository.held(connection, chargerId).stream()
                        .map(LocalListRepository.Entry::idTag)
                        .toList(),
                    s.updatedAt(),
                    s.group()));
  }
}
