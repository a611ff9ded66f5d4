package dev.joule.domain.campaign;

import dev.joule.domain.command.CommandStatus;
import dev.joule.domain.command.Commands;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.security.GetLogRequest;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareRequest;
import dev.joule.store.CampaignRepository;
import dev.joule.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns as an operator uses them, and their driver. {@link #drive} runs every second on every
 * API node: it times out chargers past their deadline, applies the outcome of the commands sent
 * ({@link Verdict}), gives the next chargers their turn while fewer than {@code concurrency} are in
 * flight, sending through {@link Commands} (so each is recorded like an API command), and completes
 * campaigns with no charger left open. The chargers' notifications move them on in the processing
 * transaction that records them ({@link CampaignNotifications}).
 *
 * <p>In a cluster every API node drives, and exactly one of them sends a campaign's next wave at a
 * time: the turns are claimed under the campaign's row lock ({@code FOR UPDATE SKIP LOCKED}: a node
 * that finds it held skips that campaign this round), counting the chargers in flight in the same
 * transaction, so {@code concurrency} holds across nodes. The other steps are conditional UPDATEs
 * any node may run. State lives in PostgreSQL only: a restarted node carries on where it was.
 *
 * <p>Blocks on JDBC: call from the blocking executor, never the event loop.
 */
public final class Campaigns {
  private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);

  /** error of a charger still not answering at its deadline. */
  static final String TIMED_OUT = "no final status within the charger timeout";

  private static final List<String> OPEN =
      CampaignChargerState.wires(
          EnumSet.of(
              CampaignChargerState.PENDING,
              CampaignChargerState.SENT,
              CampaignChargerState.DOWNLOADING,
              CampaignChargerState.DOWNLOADED,
              CampaignChargerState.INSTALLING,
              CampaignChargerState.UPLOADING));

  /**
   * How many commands of a wave are submitted side by side: each takes two short transactions, and
   * a wave of 500 at once would queue for the pool's connections behind the processors' batches.
   */
  private static final int SENDERS = 8;

  private static final List<String> UNANSWERED =
      List.of(
          CommandStatus.REJECTED.wire(), CommandStatus.ERROR.wire(), CommandStatus.OFFLINE.wire());

  private final Database database;
  private final CampaignRepository repository;
  private final Commands commands;
  private final OcppJson codec;
  private final Clock clock;
  private final Executor blocking;
  private final AtomicBoolean driving = new AtomicBoolean();

  /**
   * @param codec writes and reads the campaign's payload
   * @param blocking where a wave's commands are submitted, side by side
   */
  public Campaigns(
      Database database,
      CampaignRepository repository,
      Commands commands,
      OcppJson codec,
      Clock clock,
      Executor blocking) {
    this.database = database;
    this.repository = repository;
    this.commands = commands;
    this.codec = codec;
    this.clock = clock;
    this.blocking = blocking;
  }

  /** How a campaign runs; checked by the caller (ranges). */
  public record Settings(int concurrency, Duration chargerTimeout, Duration offlineRetry) {}

  /**
   * Records a {@code running} campaign sending {@code request} (valid, as the API read it; a
   * requestId in it is replaced per charger) to {@code chargerIds} in this order; ids of no charger
   * are left out. The first wave goes at the next {@link #drive}.
   */
  public Campaign create(
      CampaignKind kind,
      Request request,
      Instant notBefore,
      List<String> chargerIds,
      Settings settings) {
    Instant now = clock.instant();
    long id =
        database.inTransaction(
            connection -> {
              CampaignRepository.CampaignRow row =
                  repository.insert(
                      connection,
                      new CampaignRepository.NewCampaign(
                          kind.wire(),
                          codec.writePayload((Record) request),
                          settings.concurrency(),
                          (int) settings.chargerTimeout().toSeconds(),
                          (int) settings.offlineRetry().toSeconds(),
                          notBefore,
                          CampaignStatus.RUNNING.wire()),
                      now);
              repository.addChargers(
                  connection, row.id(), chargerIds, CampaignChargerState.PENDING.wire(), now);
              return row.id();
            });
    return find(id).orElseThrow();
  }

  public Optional<Campaign> find(long id) {
    return database.inTransaction(
        connection ->
            repository
                .find(connection, id)
                .map(
                    row ->
                        Campaign.of(
                            row,
                            repository
                                .totals(connection, List.of(id))
                                .getOrDefault(id, Map.of()))));
  }

  /** Newest first, below {@code beforeId}. */
  public List<Campaign> list(
      Optional<CampaignStatus> status,
      Optional<CampaignKind> kind,
      Optional<Long> beforeId,
      int limit) {
    return database.inTransaction(
        connection -> {
          List<CampaignRepository.CampaignRow> rows =
              repository.list(
                  connection,
                  status.map(CampaignStatus::wire),
                  kind.map(CampaignKind::wire),
                  beforeId,
                  limit);
          Map<Long, Map<String, Integer>> totals =
              repository.totals(
                  connection, rows.stream().map(CampaignRepository.CampaignRow::id).toList());
          return rows.stream()
              .map(row -> Campaign.of(row, totals.getOrDefault(row.id(), Map.of())))
              .toList();
        });
  }

  /** The campaign's chargers in turn order, after {@code afterPosition}. */
  public List<CampaignCharger> chargers(
      long id, Optional<CampaignChargerState> state, Optional<Integer> afterPosition, int limit) {
    return database
        .inTransaction(
            connection ->
                repository.chargers(
                    connection, id, state.map(CampaignChargerState::wire), afterPosition, limit))
        .stream()
        .map(CampaignCharger::of)
        .toList();
  }

  /**
   * Pauses, resumes or cancels: the campaign moves to {@code next} if its status allows; a
   * cancelled campaign's pending chargers become {@code cancelled} (those in flight are still
   * followed: a charger cannot be told to stop an update). Empty if the campaign is unknown;
   * otherwise it as it is now, moved or not (the caller compares).
   */
  public Optional<Campaign> change(long id, CampaignStatus next) {
    Instant now = clock.instant();
    boolean known =
        database.inTransaction(
            connection -> {
              Optional<CampaignRepository.CampaignRow> row = repository.find(connection, id);
              if (row.isEmpty()) {
                return false;
              }
              boolean moved =
                  repository.move(
                      connection,
                      id,
                      next.wire(),
                      next.from().stream().map(CampaignStatus::wire).toList(),
                      next == CampaignStatus.CANCELLED,
                      now);
              if (moved && next == CampaignStatus.CANCELLED) {
                repository.moveAll(
                    connection,
                    id,
                    CampaignChargerState.CANCELLED.wire(),
                    CampaignChargerState.wires(CampaignChargerState.CANCELLED.from()),
                    now);
              }
              return true;
            });
    return known ? find(id) : Optional.empty();
  }

  /**
   * One round of the driver. Rounds do not overlap: one still running when the next is due makes
   * that one a no-op. A failure is logged; the next round tries again.
   */
  public void drive() {
    if (!driving.compareAndSet(false, true)) {
      return;
    }
    try {
      expire();
      applyOutcomes();
      for (long id :
          database.inTransaction(
              connection ->
                  repository.withStatus(connection, List.of(CampaignStatus.RUNNING.wire())))) {
        sendWave(id);
      }
      database.inTransaction(
          connection ->
              repository.complete(
                  connection,
                  CampaignStatus.RUNNING.wire(),
                  CampaignStatus.COMPLETED.wire(),
                  OPEN,
                  clock.instant()));
    } catch (RuntimeException e) {
      LOG.warn("campaign round not finished: {}", e.toString());
    } finally {
      driving.set(false);
    }
  }

  /** Chargers past their deadline, in flight or waiting to be retried, time out. */
  private void expire() {
    List<CampaignRepository.ChargerRow> expired =
        database.inTransaction(
            connection ->
                repository.expire(
                    connection,
                    CampaignChargerState.TIMED_OUT.wire(),
                    CampaignChargerState.wires(CampaignChargerState.TIMED_OUT.from()),
                    TIMED_OUT,
                    clock.instant()));
    if (!expired.isEmpty()) {
      LOG.info("{} campaign chargers timed out", expired.size());
    }
  }

  /** Chargers whose command was refused fail; those not connected wait for a retry. */
  private void applyOutcomes() {
    List<CampaignRepository.Answered> answered =
        database.inTransaction(
            connection ->
                repository.answered(connection, CampaignChargerState.SENT.wire(), UNANSWERED));
    for (CampaignRepository.Answered row : answered) {
      Verdict verdict =
          Verdict.of(CommandStatus.fromWire(row.commandStatus()).orElseThrow(), row.errorCode());
      // one charger per transaction: the driver never holds several rows a batch may want
      switch (verdict) {
        case KEEP -> {}
        case FAIL -> fail(row.campaignId(), row.chargerId(), reason(row));
        case RETRY -> retryLater(row.campaignId(), row.chargerId());
      }
    }
  }

  private static String reason(CampaignRepository.Answered row) {
    return row.commandStatus()
        + row.responseStatus().map(status -> " " + status).orElse("")
        + row.errorCode().map(code -> " " + code).orElse("");
  }

  private void fail(long campaignId, String chargerId, String error) {
    Instant now = clock.instant();
    database.inTransaction(
        connection ->
            repository.moveCharger(
                connection,
                campaignId,
                chargerId,
                CampaignChargerState.FAILED.wire(),
                List.of(CampaignChargerState.SENT.wire()),
                Optional.of(error),
                Optional.empty(),
                true,
                now));
  }

  private void retryLater(long campaignId, String chargerId) {
    Instant now = clock.instant();
    database.inTransaction(
        connection -> {
          Duration retry =
              repository
                  .find(connection, campaignId)
                  .map(row -> Duration.ofSeconds(row.offlineRetrySeconds()))
                  .orElse(Duration.ZERO);
          return repository.moveCharger(
              connection,
              campaignId,
              chargerId,
              CampaignChargerState.PENDING.wire(),
              CampaignChargerState.wires(CampaignChargerState.PENDING.from()),
              Optional.of("not connected at its turn"),
              Optional.of(now.plus(retry)),
              false,
              now);
        });
  }

  private record Wave(Campaign campaign, List<CampaignRepository.Claimed> turns) {}

  /** Claims the campaign's next chargers under its row lock, then sends to them side by side. */
  private void sendWave(long id) {
    Optional<Wave> wave =
        database.inTransaction(
            connection ->
                repository
                    .lock(connection, id, CampaignStatus.RUNNING.wire())
                    .map(row -> claim(connection, Campaign.of(row, Map.of()))));
    if (wave.isEmpty() || wave.get().turns().isEmpty()) {
      return;
    }
    Campaign campaign = wave.get().campaign();
    Request template = codec.readRequest(campaign.kind().command(), campaign.payloadJson());
    Queue<CampaignRepository.Claimed> turns = new ConcurrentLinkedQueue<>(wave.get().turns());
    int parallel = Math.min(SENDERS, turns.size());
    List<CompletableFuture<Void>> senders = new ArrayList<>();
    for (int i = 0; i < parallel; i++) {
      senders.add(
          CompletableFuture.runAsync(
              () -> {
                for (CampaignRepository.Claimed turn = turns.poll();
                    turn != null;
                    turn = turns.poll()) {
                  send(campaign, template, turn);
                }
              },
              blocking));
    }
    CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).join();
  }

  /** Under the campaign's lock: its free slots go to the next chargers in turn order. */
  private Wave claim(java.sql.Connection connection, Campaign campaign) {
    int inFlight =
        repository.count(
            connection, campaign.id(), CampaignChargerState.wires(CampaignChargerState.IN_FLIGHT));
    int free = Waves.free(campaign.concurrency(), inFlight);
    if (free == 0) {
      return new Wave(campaign, List.of());
    }
    // read after the count: later than any finish the count saw, so the stored times never show
    // more than concurrency in flight
    Instant now = clock.instant();
    return new Wave(
        campaign,
        repository.claim(
            connection,
            campaign.id(),
            free,
            CampaignChargerState.PENDING.wire(),
            CampaignChargerState.SENT.wire(),
            CampaignChargerState.wires(CampaignChargerState.IN_FLIGHT),
            campaign.kind().conflicting().stream().map(CampaignKind::wire).toList(),
            campaign.kind().hasRequestId(),
            now));
  }

  private void send(Campaign campaign, Request template, CampaignRepository.Claimed turn) {
    Request request = turn.requestId().map(id -> withRequestId(template, id)).orElse(template);
    try {
      Optional<Commands.Submitted> submitted = commands.submit(turn.chargerId(), request);
      if (submitted.isEmpty()) {
        fail(campaign.id(), turn.chargerId(), "unknown charger");
        return;
      }
      long commandId = submitted.get().command().id();
      database.inTransaction(
          connection -> {
            repository.setCommand(connection, campaign.id(), turn.chargerId(), commandId);
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn(
          "campaign {}: {} not sent, tried again later: {}",
          campaign.id(),
          turn.chargerId(),
          e.toString());
      try {
        retryLater(campaign.id(), turn.chargerId());
      } catch (RuntimeException again) {
        e.addSuppressed(again); // it stays sent and times out at its deadline
      }
    }
  }

  /** The template with this charger's requestId, for the kinds that carry one. */
  static Request withRequestId(Request template, int requestId) {
    return switch (template) {
      case GetLogRequest log ->
          new GetLogRequest(
              log.log(), log.logType(), requestId, log.retries(), log.retryInterval());
      case SignedUpdateFirmwareRequest signed ->
          new SignedUpdateFirmwareRequest(
              signed.retries(), signed.retryInterval(), requestId, signed.firmware());
      default -> template;
    };
  }
}
