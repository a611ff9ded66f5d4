package dev.joule.domain.smartcharging;

import dev.joule.domain.command.Commands;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.Side;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.json.UnknownFields;
import dev.joule.ocpp.message.smartcharging.ChargingProfile;
import dev.joule.ocpp.message.smartcharging.ChargingRateUnitType;
import dev.joule.ocpp.message.smartcharging.ClearChargingProfileRequest;
import dev.joule.ocpp.message.smartcharging.GetCompositeScheduleRequest;
import dev.joule.ocpp.message.smartcharging.SetChargingProfileRequest;
import dev.joule.store.ChargerRepository;
import dev.joule.store.ChargerStateRepository;
import dev.joule.store.Database;
import dev.joule.store.TransactionRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Charging profiles as an operator uses them: checked against the 1.6 rules ({@link ProfileRules},
 * with the connector's running transaction) and sent with SetChargingProfile or
 * ClearChargingProfile through {@link Commands}; the charger's answer is kept by the command's side
 * effect. The composite schedule is computed from the profiles installed ({@link
 * CompositeSchedules}).
 *
 * <p>Blocks on JDBC: call from the blocking executor, never the event loop.
 */
public final class ChargingProfiles {
  private static final String INSTALLED = "installed";
  private static final OcppJson STORED = new OcppJson(Side.CENTRAL_SYSTEM, UnknownFields.IGNORE);

  private final Database database;
  private final Commands commands;
  private final CompositeSchedules schedules;
  private final ChargerRepository chargers = new ChargerRepository();
  private final ChargerStateRepository state = new ChargerStateRepository();
  private final TransactionRepository transactions = new TransactionRepository();

  public ChargingProfiles(Database database, Commands commands, Clock clock) {
    this.database = database;
    this.commands = commands;
    this.schedules = new CompositeSchedules(clock);
  }

  /** A SetChargingProfile sent, and the installed profiles it will replace once Accepted. */
  public record Sending(Commands.Submitted submitted, List<Integer> replaces) {}

  /** A SetChargingProfile refused before sending: the rule broken. */
  public static final class Refused extends RuntimeException {
    private final ProfileRules.Problem problem;

    Refused(ProfileRules.Problem problem) {
      super(problem.field() + ": " + problem.rule());
      this.problem = problem;
    }

    public ProfileRules.Problem problem() {
      return problem;
    }
  }

  public boolean chargerKnown(String chargerId) {
    return database.inTransaction(connection -> chargers.exists(connection, chargerId));
  }

  /**
   * Checks the rules and sends the profile. Empty when the charger is unknown.
   *
   * @throws Refused naming the rule broken; nothing was sent
   */
  public Optional<Sending> set(String chargerId, SetChargingProfileRequest request) {
    ProfileRules.setChargingProfile(request.connectorId(), request.csChargingProfiles())
        .ifPresent(
            problem -> {
              throw new Refused(problem);
            });
    if (!chargerKnown(chargerId)) {
      return Optional.empty();
    }
    ProfileRules.transaction(
            request.connectorId(),
            request.csChargingProfiles(),
            active(chargerId, request.connectorId()))
        .ifPresent(
            problem -> {
              throw new Refused(problem);
            });
    var profile = request.csChargingProfiles();
    List<Integer> replaces =
        installed(chargerId).stream()
            .filter(
                other ->
                    other.connectorId() == request.connectorId()
                        && other.profile().chargingProfilePurpose()
                            == profile.chargingProfilePurpose()
                        && other.profile().stackLevel() == profile.stackLevel()
                        && other.profile().chargingProfileId() != profile.chargingProfileId())
            .map(other -> other.profile().chargingProfileId())
            .toList();
    return commands.submit(chargerId, request).map(submitted -> new Sending(submitted, replaces));
  }

  /** Sends ClearChargingProfile for one installed profile (§5.5: its id selects it). */
  public Optional<Commands.Submitted> clear(String chargerId, int chargingProfileId) {
    boolean installed =
        installed(chargerId).stream()
            .anyMatch(p -> p.profile().chargingProfileId() == chargingProfileId);
    if (!installed) {
      return Optional.empty();
    }
    return commands.submit(
        chargerId, new ClearChargingProfileRequest(chargingProfileId, null, null, null));
  }

  /** Joule's composite schedule of the connector from now for {@code duration} seconds. */
  public CompositeSchedule schedule(
      String chargerId, int connectorId, int duration, Optional<ChargingRateUnitType> unit) {
    return schedules.compute(
        connectorId, installed(chargerId), active(chargerId, connectorId), duration, unit);
  }

  /** Asks the charger for its own composite schedule (GetCompositeSchedule, §5.7). */
  public Optional<Commands.Submitted> askCharger(
      String chargerId, int connectorId, int duration, Optional<ChargingRateUnitType> unit) {
    return commands.submit(
        chargerId, new GetCompositeScheduleRequest(connectorId, duration, unit.orElse(null)));
  }

  /** The status the charger's answers gave the profile, if Joule recorded it. */
  public Optional<String> status(String chargerId, int chargingProfileId, long commandId) {
    return database
        .inTransaction(connection -> state.chargingProfiles(connection, chargerId))
        .stream()
        .filter(p -> p.chargingProfileId() == chargingProfileId && p.commandId() == commandId)
        .map(ChargerStateRepository.ChargingProfile::status)
        .findFirst();
  }

  private Optional<ActiveTransaction> active(String chargerId, int connectorId) {
    if (connectorId == 0) {
      return Optional.empty();
    }
    return database
        .inTransaction(connection -> transactions.active(connection, chargerId, connectorId))
        .map(t -> new ActiveTransaction(t.transactionId(), t.startTimestamp(), t.receivedAt()));
  }

  /**
   * A RemoteStartTransaction's TxProfile names no transaction (it did not exist yet, §5.11): it is
   * for the one its command caused ({@code domain.command.TransactionLinks}), once that started.
   */
  private static ChargingProfile forItsTransaction(
      ChargingProfile profile, Optional<Integer> caused) {
    if (profile.transactionId() != null || caused.isEmpty()) {
      return profile;
    }
    return new ChargingProfile(
        profile.chargingProfileId(),
        caused.get(),
        profile.stackLevel(),
        profile.chargingProfilePurpose(),
        profile.chargingProfileKind(),
        profile.recurrencyKind(),
        profile.validFrom(),
        profile.validTo(),
        profile.chargingSchedule());
  }

  private List<InstalledProfile> installed(String chargerId) {
    return database
        .inTransaction(connection -> state.chargingProfiles(connection, chargerId))
        .stream()
        .filter(p -> p.status().equals(INSTALLED))
        .map(
            p -> {
              var request =
                  (SetChargingProfileRequest)
                      STORED.readRequest(
                          Action.SET_CHARGING_PROFILE,
                          "{\"connectorId\":"
                              + p.connectorId()
                              + ",\"csChargingProfiles\":"
                              + p.profileJson()
                              + "}");
              return new InstalledProfile(
                  p.connectorId(),
                  forItsTransaction(request.csChargingProfiles(), p.commandTransactionId()),
                  p.updatedAt());
            })
        .toList();
  }
}
