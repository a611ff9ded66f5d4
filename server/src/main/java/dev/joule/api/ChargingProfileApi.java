package dev.joule.api;

import dev.joule.domain.command.Command;
import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.command.Commands;
import dev.joule.domain.smartcharging.ChargingProfiles;
import dev.joule.domain.smartcharging.CompositeRefused;
import dev.joule.domain.smartcharging.CompositeSchedule;
import dev.joule.domain.smartcharging.ScheduleComparison;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.OcppViolation;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.smartcharging.ChargingRateUnitType;
import dev.joule.ocpp.message.smartcharging.GetCompositeScheduleResponse;
import dev.joule.ocpp.message.smartcharging.SetChargingProfileRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Charging profiles as first-class things (Smart Charging, OCPP 1.6 §3.13, decision 0014): {@code
 * POST /chargers/{id}/charging-profiles} checks the 1.6 rules and sends SetChargingProfile, {@code
 * DELETE /chargers/{id}/charging-profiles/{profileId}} sends ClearChargingProfile, {@code GET
 * /chargers/{id}/connectors/{c}/schedule?duration=} is Joule's composite schedule (with {@code
 * compare=true} beside the charger's GetCompositeSchedule answer). The list is {@link
 * ChargerStateRoutes}'.
 */
public final class ChargingProfileApi {
  static final String PROFILES = ChargerStateRoutes.CHARGING_PROFILES;
  static final String PROFILE = PROFILES + "/:profileId";
  static final String SCHEDULE = ChargerRoutes.CHARGER + "/connectors/:connectorId/schedule";

  /** GetCompositeSchedule's duration is seconds; a month of periods is plenty to look ahead. */
  static final int MAX_DURATION = 31 * 24 * 3600;

  private static final long BODY_LIMIT = 64 * 1024;
  private static final Duration COMPARE_WAIT = Duration.ofSeconds(10);
  private static final OcppJson ANSWERS = OcppJson.forCentralSystem();

  private final ChargingProfiles profiles;
  private final Replies replies;

  public ChargingProfileApi(ChargingProfiles profiles, Executor blocking) {
    this.profiles = profiles;
    this.replies = new Replies(blocking);
  }

  /** Adds the routes; mount before {@link ReadApi#mount}. */
  public void mount(Router router) {
    router
        .post(PROFILES)
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
        .handler(this::set);
    router.delete(PROFILE).handler(this::clear);
    router.get(SCHEDULE).handler(this::schedule);
  }

  /**
   * The answer to POST: {@code status} is the profile's once the charger answered ({@code
   * installed}, {@code rejected}, {@code notsupported}), else the command's.
   */
  record Setting(
      int chargingProfileId,
      int connectorId,
      String status,
      List<Integer> replaces,
      CommandView command) {}

  /** The answer to DELETE: {@code status} is {@code cleared} once Accepted, else the command's. */
  record Clearing(int chargingProfileId, String status, CommandView command) {}

  /** A composite schedule; a null {@code limit} means nothing limits the connector then. */
  record ScheduleView(
      int connectorId,
      Instant scheduleStart,
      int duration,
      String chargingRateUnit,
      List<PeriodView> chargingSchedulePeriod) {
    static ScheduleView of(CompositeSchedule schedule) {
      return new ScheduleView(
          schedule.connectorId(),
          schedule.scheduleStart(),
          schedule.duration(),
          schedule.chargingRateUnit().wire(),
          schedule.chargingSchedulePeriod().stream()
              .map(
                  p ->
                      new PeriodView(
                          p.startPeriod(),
                          p.limit().isPresent() ? p.limit().getAsDouble() : null,
                          p.numberPhases(),
                          p.chargingProfileId().isPresent()
                              ? p.chargingProfileId().getAsInt()
                              : null))
              .toList());
    }
  }

  record PeriodView(int startPeriod, Double limit, int numberPhases, Integer chargingProfileId) {}

  /** {@code compare=true}: both schedules, and where they differ. */
  record Comparison(
      ScheduleView joule, CommandView charger, boolean matches, List<String> differences) {}

  private void set(RoutingContext rc) {
    Query query = Query.of(rc, "wait");
    Optional<Duration> wait = query.text("wait").map(CommandApi::waitDuration);
    String chargerId = rc.pathParam("id");
    Buffer body = rc.body().buffer();
    String json = body == null || body.length() == 0 ? "{}" : body.toString(StandardCharsets.UTF_8);
    // the codec's checks and the rules that need no state (CommandApi, ProfileRules)
    var request =
        (SetChargingProfileRequest) CommandApi.readRequest(Action.SET_CHARGING_PROFILE, json);
    replies.reply(
        rc,
        () -> {
          ChargingProfiles.Sending sending =
              refusedAs400(() -> profiles.set(chargerId, request))
                  .orElseThrow(() -> ApiException.notFound("charger '" + chargerId + "'"));
          Command command = CommandApi.within(sending.submitted(), wait);
          int id = request.csChargingProfiles().chargingProfileId();
          String status =
              profiles.status(chargerId, id, command.id()).orElse(command.status().wire());
          return new Reply(
              command.status().isFinal() ? 200 : 202,
              new Setting(
                  id, request.connectorId(), status, sending.replaces(), CommandView.of(command)));
        });
  }

  private void clear(RoutingContext rc) {
    Query query = Query.of(rc, "wait");
    Optional<Duration> wait = query.text("wait").map(CommandApi::waitDuration);
    String chargerId = rc.pathParam("id");
    String raw = rc.pathParam("profileId");
    int id;
    try {
      id = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("charging profile '" + raw + "'");
    }
    replies.reply(
        rc,
        () -> {
          Commands.Submitted submitted =
              profiles
                  .clear(chargerId, id)
                  .orElseThrow(
                      () ->
                          ApiException.notFound(
                              "installed charging profile "
                                  + id
                                  + " of charger '"
                                  + chargerId
                                  + "'"));
          Command command = CommandApi.within(submitted, wait);
          boolean cleared = command.status() == CommandStatus.ACCEPTED;
          return new Reply(
              cleared ? 200 : 202,
              new Clearing(
                  id, cleared ? "cleared" : command.status().wire(), CommandView.of(command)));
        });
  }

  private void schedule(RoutingContext rc) {
    Query query = Query.of(rc, "duration", "unit", "compare");
    String chargerId = rc.pathParam("id");
    int connectorId = Params.integer("connectorId", rc.pathParam("connectorId"), 0, 1_000);
    int duration =
        query
            .integer("duration", 1, MAX_DURATION)
            .orElseThrow(() -> ApiException.badParameter("duration", "is required (seconds)"));
    Optional<ChargingRateUnitType> unit = query.text("unit").map(ChargingProfileApi::unit);
    boolean compare = query.text("compare").map(v -> Params.bool("compare", v)).orElse(false);
    replies.reply(
        rc,
        () -> {
          if (!profiles.chargerKnown(chargerId)) {
            throw ApiException.notFound("charger '" + chargerId + "'");
          }
          CompositeSchedule ours = composite(chargerId, connectorId, duration, unit);
          if (!compare) {
            return Reply.ok(ScheduleView.of(ours));
          }
          Commands.Submitted asked =
              profiles.askCharger(chargerId, connectorId, duration, unit).orElseThrow();
          Command answer = CommandApi.within(asked, Optional.of(COMPARE_WAIT));
          List<String> differences =
              answer.status() == CommandStatus.ACCEPTED
                  ? ScheduleComparison.differences(ours, chargersAnswer(answer))
                  : List.of("the charger did not answer Accepted: " + answer.status().wire());
          return Reply.ok(
              new Comparison(
                  ScheduleView.of(ours),
                  CommandView.of(answer),
                  differences.isEmpty(),
                  differences));
        });
  }

  private CompositeSchedule composite(
      String chargerId, int connectorId, int duration, Optional<ChargingRateUnitType> unit) {
    try {
      return profiles.schedule(chargerId, connectorId, duration, unit);
    } catch (CompositeRefused refused) {
      throw refused.field().equals("unit")
          ? ApiException.badParameter("unit", refused.getMessage())
          : ApiException.conflict(refused.getMessage());
    }
  }

  private static GetCompositeScheduleResponse chargersAnswer(Command answer) {
    try {
      return (GetCompositeScheduleResponse)
          ANSWERS.readResponse(Action.GET_COMPOSITE_SCHEDULE, answer.responseJson().orElse("{}"));
    } catch (OcppViolation e) {
      throw new IllegalStateException("a recorded answer does not parse: " + e.description(), e);
    }
  }

  private static <T> T refusedAs400(Supplier<T> work) {
    try {
      return work.get();
    } catch (ChargingProfiles.Refused refused) {
      throw ApiException.badParameter(refused.problem().field(), refused.problem().rule());
    }
  }

  private static ChargingRateUnitType unit(String wire) {
    return switch (wire) {
      case "A" -> ChargingRateUnitType.A;
      case "W" -> ChargingRateUnitType.W;
      default -> throw ApiException.badParameter("unit", "'" + wire + "' is not one of A, W");
    };
  }
}
