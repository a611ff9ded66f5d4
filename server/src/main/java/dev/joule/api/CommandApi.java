package dev.joule.api;

import dev.joule.domain.command.Command;
import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.command.Commands;
import dev.joule.domain.smartcharging.ProfileRules;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.Side;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.json.UnknownFields;
import dev.joule.ocpp.message.core.ChangeConfigurationRequest;
import dev.joule.ocpp.message.core.RemoteStartTransactionRequest;
import dev.joule.ocpp.message.smartcharging.SetChargingProfileRequest;
import dev.joule.security.SecurityChanges;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Operator commands: {@code POST /api/v1/chargers/{id}/commands/{Action}} for every action of the
 * action table that the central system initiates, {@code GET /api/v1/commands/{commandId}}, and the
 * lists {@code GET /api/v1/commands?chargerId=&status=&action=} and {@code GET
 * /api/v1/chargers/{id}/commands?status=&action=} (newest first, cursor pagination like the read
 * API).
 *
 * <p>The body is the OCPP request payload, validated strictly (unknown fields refused, decision
 * 0003): a fault is a 400 naming the field, the reason and the CALLERROR code the charger would
 * have answered. An empty body means {@code {}}. The answer is 202 with the command as recorded
 * (status {@code sent}, or already {@code offline}); with {@code ?wait=10s} (up to 60s) the request
 * waits for the outcome and answers 200 when it is final within the wait, 202 with the current
 * state otherwise. With {@code ?ttl=5m} (up to 24h) a charger that is not connected does not fail
 * the command at once: it stays {@code queued} until the charger connects or the ttl passes. An
 * unknown charger is a 404.
 */
public final class CommandApi {
  static final String CHARGER_COMMANDS = ChargerRoutes.CHARGER + "/commands";
  static final String SEND = CHARGER_COMMANDS + "/:action";
  static final String COMMANDS = ReadApi.PREFIX + "/commands";
  static final String COMMAND = COMMANDS + "/:commandId";
  static final String LIST = "commands";
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  /** Every action an operator may send, in action-table order. */
  public static final List<Action> ACTIONS =
      Arrays.stream(Action.values())
          .filter(action -> action.direction().initiatedBy(Side.CENTRAL_SYSTEM))
          .toList();

  private static final long BODY_LIMIT = 64 * 1024;
  private static final Pattern WAIT = Pattern.compile("(\\d{1,6})(ms|s)");
  private static final Pattern TTL = Pattern.compile("(\\d{1,6})(s|m|h)");
  static final Duration MAX_TTL = Duration.ofHours(24);

  private final Commands commands;
  private final Replies replies;

  /** Reads command bodies strictly: unknown fields refused (decision 0003). */
  private static final OcppJson STRICT = new OcppJson(Side.CENTRAL_SYSTEM, UnknownFields.REJECT);

  public CommandApi(Commands commands, Executor blocking) {
    this.commands = commands;
    this.replies = new Replies(blocking);
  }

  /** Adds the command routes to {@code router}; mount before {@link ReadApi#mount}. */
  public void mount(Router router) {
    router
        .post(SEND)
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(this::send);
    router.get(CHARGER_COMMANDS).handler(this::listOfCharger);
    router.get(COMMANDS).handler(this::list);
    router.get(COMMAND).handler(this::one);
  }

  private void send(RoutingContext rc) {
    Query query = Query.of(rc, "wait", "ttl");
    Optional<Duration> wait = query.text("wait").map(CommandApi::waitDuration);
    Optional<Duration> ttl = query.text("ttl").map(CommandApi::ttlDuration);
    String chargerId = rc.pathParam("id");
    Action action = action(rc.pathParam("action"));
    Buffer body = rc.body().buffer();
    String json = body == null || body.length() == 0 ? "{}" : body.toString(StandardCharsets.UTF_8);
    Request request = readRequest(action, json);
    replies.reply(
        rc,
        () -> {
          Commands.Submitted submitted =
              commands
                  .submit(chargerId, request, ttl)
                  .orElseThrow(() -> ApiException.notFound("charger '" + chargerId + "'"));
          Command current = submitted.command();
          if (wait.isPresent() && !current.status().isFinal()) {
            current = await(submitted, wait.get());
          }
          if (!current.status().isFinal() && submitted.outcome().isDone()) {
            current = submitted.outcome().getNow(current);
          }
          return new Reply(current.status().isFinal() ? 200 : 202, CommandView.of(current));
        });
  }

  private Command await(Commands.Submitted submitted, Duration wait) {
    try {
      Command done = submitted.outcome().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return done == null ? submitted.command() : done;
    } catch (TimeoutException e) {
      return commands.find(submitted.command().id()).orElse(submitted.command());
    } catch (ExecutionException e) {
      return commands.find(submitted.command().id()).orElse(submitted.command());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return submitted.command();
    }
  }

  /**
   * The command's outcome if it is final within {@code wait} (none: at once), else the command as
   * submitted. For the feature-profile APIs that send commands of their own.
   */
  static Command within(Commands.Submitted submitted, Optional<Duration> wait) {
    if (wait.isEmpty()) {
      return submitted.outcome().getNow(submitted.command());
    }
    try {
      return submitted.outcome().get(wait.get().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return submitted.command();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return submitted.command();
    }
  }

  private void one(RoutingContext rc) {
    Query.of(rc);
    String raw = rc.pathParam("commandId");
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("command '" + raw + "'");
    }
    replies.json(
        rc,
        () ->
            commands
                .find(id)
                .map(command -> CommandView.of(command, commands.notifications(id)))
                .orElseThrow(() -> ApiException.notFound("command '" + raw + "'")));
  }

  private void list(RoutingContext rc) {
    Query query = Query.ofList(rc, "chargerId", "status", "action");
    list(rc, query, query.text("chargerId"));
  }

  private void listOfCharger(RoutingContext rc) {
    Query query = Query.ofList(rc, "status", "action");
    list(rc, query, Optional.of(rc.pathParam("id")));
  }

  private void list(RoutingContext rc, Query query, Optional<String> chargerId) {
    Optional<CommandStatus> status = query.text("status").map(CommandApi::status);
    Optional<Action> action = query.text("action").map(CommandApi::action);
    PageRequest page = query.page(LIST, 1);
    Optional<Long> before = page.isFirst() ? Optional.empty() : Optional.of(page.afterNumber(0));
    replies.json(
        rc,
        () ->
            page.page(
                commands.list(chargerId, status, action, before, page.limit() + 1).stream()
                    .map(CommandView::of)
                    .toList(),
                view -> List.of(Long.toString(view.id()))));
  }

  /**
   * The request of {@code action} in {@code json}, validated as the charger would validate it; a
   * fault is a 400 naming the field, the reason and the CALLERROR code. The console reads its
   * command forms through this too, so both refuse the same payloads.
   */
  public static Request readRequest(Action action, String json) {
    Request request;
    try {
      request = STRICT.readRequest(action, json);
    } catch (OcppViolation e) {
      throw ApiException.badParameter("body", e.description() + " (" + e.errorCode().wire() + ")");
    }
    profileProblem(request)
        .ifPresent(
            problem -> {
              throw ApiException.badParameter(problem.field(), problem.rule());
            });
    if (request instanceof ChangeConfigurationRequest change) {
      SecurityChanges.problem(change.key(), change.value())
          .ifPresent(
              problem -> {
                throw ApiException.badParameter("value", problem);
              });
    }
    return request;
  }

  /**
   * The charging profile rules that need no state, for a raw command as for {@code POST
   * /charging-profiles} (decision 0014): a RemoteStartTransaction's profile and a
   * SetChargingProfile's.
   */
  private static Optional<ProfileRules.Problem> profileProblem(Request request) {
    return switch (request) {
      case SetChargingProfileRequest set ->
          ProfileRules.setChargingProfile(set.connectorId(), set.csChargingProfiles());
      case RemoteStartTransactionRequest start when start.chargingProfile() != null ->
          ProfileRules.remoteStart(start.chargingProfile());
      default -> Optional.empty();
    };
  }

  /** The command action named {@code wire}; anything else is a 400 listing the commands. */
  public static Action action(String wire) {
    return Action.fromWire(wire)
        .filter(ACTIONS::contains)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "action",
                    "'"
                        + wire
                        + "' is not a command; commands are "
                        + ACTIONS.stream().map(Action::wire).collect(Collectors.joining(", "))));
  }

  private static CommandStatus status(String wire) {
    return CommandStatus.fromWire(wire)
        .orElseThrow(
            () ->
                ApiException.badParameter(
                    "status",
                    "'"
                        + wire
                        + "' is not one of "
                        + Arrays.stream(CommandStatus.values())
                            .map(CommandStatus::wire)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * How long a command may wait for its offline charger to connect: {@code 30s}, {@code 5m}, {@code
   * 2h}, up to 24h.
   */
  static Duration ttlDuration(String value) {
    Matcher matcher = TTL.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      Duration ttl =
          switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
      if (!ttl.isZero() && ttl.compareTo(MAX_TTL) <= 0) {
        return ttl;
      }
    }
    throw ApiException.badParameter(
        "ttl", "'" + value + "' is not a duration like 30s, 5m or 2h above zero, at most 24h");
  }

  static Duration waitDuration(String value) {
    Matcher matcher = WAIT.matcher(value);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      Duration wait =
          matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
      if (wait.compareTo(MAX_WAIT) <= 0) {
        return wait;
      }
    }
    throw ApiException.badParameter(
        "wait", "'" + value + "' is not a duration like 500ms or 10s, at most 60s");
  }
}
