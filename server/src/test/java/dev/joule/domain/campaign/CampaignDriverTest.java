package dev.joule.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.domain.command.CommandChannel;
import dev.joule.domain.command.Commands;
import dev.joule.domain.command.Delivery;
import dev.joule.domain.event.ChargerEvent;
import dev.joule.domain.event.EventSink;
import dev.joule.ocpp.Request;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.firmware.UpdateFirmwareRequest;
import dev.joule.ocpp.message.security.FirmwareType;
import dev.joule.ocpp.message.security.SignedUpdateFirmwareRequest;
import dev.joule.store.CampaignRepository;
import dev.joule.store.ChargerRepository;
import dev.joule.store.CommandRepository;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import dev.joule.store.TestPostgres;
import dev.joule.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's rounds on a real PostgreSQL with a clock moved by hand and a charger channel the
 * test answers: waves of at most {@code concurrency}, pause, timeouts, refusals, retries of a
 * charger not connected, completion. Each test has its own chargers; the clock only moves forward.
 */
class CampaignDriverTest {
  @TempDir static Path dataDir;
  static EmbeddedPostgres server;
  static Database database;
  static ScheduledExecutorService timers;
  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));

  /** What the chargers were sent, in order, and the calls still waiting for an answer. */
  static final List<String> delivered = new CopyOnWriteArrayList<>();

  static final Map<String, CompletableFuture<Delivery>> waiting = new ConcurrentHashMap<>();
  static final Set<String> offline = ConcurrentHashMap.newKeySet();
  static final List<ChargerEvent> events = new CopyOnWriteArrayList<>();

  static Campaigns campaigns;
  static CampaignNotifications notifications;

  @BeforeAll
  static void start() {
    server = TestPostgres.start(dataDir);
    database = Database.open(server, 4);
    timers = Executors.newSingleThreadScheduledExecutor();
    CommandChannel channel =
        (chargerId, request) -> {
          delivered.add(chargerId);
          if (offline.contains(chargerId)) {
            return CompletableFuture.completedFuture(new Delivery.Offline(false, "not here"));
          }
          CompletableFuture<Delivery> answer = new CompletableFuture<>();
          waiting.put(chargerId, answer);
          return answer;
        };
    // direct executors: every step of a round is done when drive() returns
    Commands commands =
        new Commands(
            database,
            new CommandRepository(),
            channel,
            OcppJson.forCentralSystem(),
            CLOCK,
            Runnable::run,
            timers,
            EventSink.NONE);
    campaigns =
        new Campaigns(
            database,
            new CampaignRepository(),
            commands,
            OcppJson.forCentralSystem(),
            CLOCK,
            Runnable::run);
    notifications = new CampaignNotifications(new CampaignRepository());
  }

  @AfterAll
  static void stop() {
    timers.shutdownNow();
    database.close();
    server.close();
  }

  static List<String> chargers(String prefix, int count) {
    List<String> ids = new java.util.ArrayList<>();
    database.inTransaction(
        connection -> {
          for (int i = 1; i <= count; i++) {
            new ChargerRepository().register(connection, prefix + i, CLOCK.instant());
            ids.add(prefix + i);
          }
          return null;
        });
    return ids;
  }

  static Request update() {
    return new UpdateFirmwareRequest("https://fw/x.bin", null, CLOCK.instant(), null);
  }

  static void answer(String chargerId, String payload) {
    waiting.remove(chargerId).complete(new Delivery.Answered(payload));
  }

  static void report(String chargerId, String status, CampaignChargerState target) {
    database.inTransaction(
        connection -> {
          notifications.notified(
              connection,
              events::add,
              chargerId,
              CampaignKind.FIRMWARE,
              Optional.empty(),
              status,
              Optional.ofNullable(target),
              CLOCK.instant());
          return null;
        });
  }

  static Map<String, Integer> totals(Campaign campaign) {
    return campaigns.find(campaign.id()).orElseThrow().totals();
  }

  static List<String> deliveredTo(String prefix) {
    return delivered.stream().filter(id -> id.startsWith(prefix)).toList();
  }

  @Test
  void aFreedSlotGoesToTheNextChargerInTurnOrderAndNeverMoreThanConcurrencyAreInFlight() {
    List<String> ids = chargers("W-", 5);
    Campaign campaign =
        campaigns.create(
            CampaignKind.FIRMWARE,
            update(),
            CLOCK.instant(),
            ids,
            new Campaigns.Settings(2, Duration.ofMinutes(10), Duration.ofMinutes(1)));

    campaigns.drive();
    assertThat(deliveredTo("W-")).containsExactly("W-1", "W-2");
    campaigns.drive();
    assertThat(deliveredTo("W-")).hasSize(2); // no slot free
    answer("W-1", "{}");
    answer("W-2", "{}");
    campaigns.drive();
    assertThat(deliveredTo("W-")).hasSize(2); // accepted is still in flight

    report("W-1", "Downloading", CampaignChargerState.DOWNLOADING);
    report("W-1", "Installed", CampaignChargerState.INSTALLED);
    report("W-1", "Downloading", CampaignChargerState.DOWNLOADING); // late: ignored
    campaigns.drive();
    assertThat(deliveredTo("W-")).containsExactly("W-1", "W-2", "W-3");
    assertThat(totals(campaign))
        .containsEntry("installed", 1)
        .containsEntry("sent", 2)
        .containsEntry("pending", 2);
    assertThat(events)
        .filteredOn(e -> e.chargerId().equals("W-1"))
        .extracting(e -> ((ChargerEvent.CampaignChargerChanged) e).state())
        .containsExactly("downloading", "installed");

    campaigns.change(campaign.id(), CampaignStatus.PAUSED);
    report("W-2", "Installed", CampaignChargerState.INSTALLED);
    campaigns.drive();
    assertThat(deliveredTo("W-")).hasSize(3); // paused: no new turn
    campaigns.change(campaign.id(), CampaignStatus.RUNNING);
    campaigns.drive();
    assertThat(deliveredTo("W-")).containsExactly("W-1", "W-2", "W-3", "W-4");

    answer("W-3", "{}");
    answer("W-4", "{}");
    report("W-3", "Idle", null); // records the status, moves nothing
    CampaignCharger third =
        campaigns.chargers(campaign.id(), Optional.empty(), Optional.empty(), 10).get(2);
    assertThat(third.state()).isEqualTo(CampaignChargerState.SENT);
    assertThat(third.lastStatus()).contains("Idle");

    CLOCK.advance(Duration.ofMinutes(11)); // W-3 and W-4 reach their deadline
    campaigns.drive();
    assertThat(totals(campaign)).containsEntry("timed-out", 2).containsEntry("sent", 1);
    assertThat(deliveredTo("W-")).endsWith("W-5"); // the timeouts freed slots in the same round
    answer("W-5", "{}");
    report("W-5", "InstallationFailed", CampaignChargerState.FAILED);
    campaigns.drive();
    Campaign done = campaigns.find(campaign.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
    assertThat(done.finishedAt()).isPresent();
    assertThat(done.totals())
        .containsEntry("installed", 2)
        .containsEntry("timed-out", 2)
        .containsEntry("failed", 1);
  }

  @Test
  void aRefusalFailsTheChargerAndCancelEndsThosePending() {
    List<String> ids = chargers("R-", 4);
    SignedUpdateFirmwareRequest signed =
        new SignedUpdateFirmwareRequest(
            null, null, 0, new FirmwareType("https://fw/s.bin", CLOCK.instant(), null, "C", "S"));
    Campaign campaign =
        campaigns.create(
            CampaignKind.SIGNED_FIRMWARE,
            signed,
            CLOCK.instant(),
            ids,
            new Campaigns.Settings(1, Duration.ofMinutes(10), Duration.ofMinutes(1)));
    campaigns.drive();
    answer("R-1", "{\"status\":\"InvalidCertificate\"}");
    campaigns.drive(); // R-1 fails, R-2 gets the slot
    CampaignCharger first =
        campaigns.chargers(campaign.id(), Optional.empty(), Optional.empty(), 10).getFirst();
    assertThat(first.state()).isEqualTo(CampaignChargerState.FAILED);
    assertThat(first.error()).contains("rejected InvalidCertificate");
    assertThat(first.requestId()).isPresent();
    assertThat(deliveredTo("R-")).containsExactly("R-1", "R-2");

    Campaign cancelled = campaigns.change(campaign.id(), CampaignStatus.CANCELLED).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
    assertThat(cancelled.totals())
        .containsEntry("failed", 1)
        .containsEntry("sent", 1)
        .containsEntry("cancelled", 2);
    answer("R-2", "{\"status\":\"Accepted\"}");
    campaigns.drive();
    assertThat(deliveredTo("R-")).hasSize(2);
    assertThat(campaigns.change(campaign.id(), CampaignStatus.RUNNING).orElseThrow().status())
        .isEqualTo(CampaignStatus.CANCELLED);
  }

  @Test
  void aChargerNotConnectedAtItsTurnGivesItsSlotBackAndIsTriedAgainUntilItsTimeout() {
    List<String> ids = chargers("O-", 2);
    offline.add("O-1");
    Campaign campaign =
        campaigns.create(
            CampaignKind.FIRMWARE,
            update(),
            CLOCK.instant(),
            ids,
            new Campaigns.Settings(1, Duration.ofMinutes(5), Duration.ofMinutes(1)));
    campaigns.drive(); // O-1's command ends offline at once
    campaigns.drive(); // O-1 back to pending; its slot goes to O-2
    assertThat(deliveredTo("O-")).containsExactly("O-1", "O-2");
    CampaignCharger waitingOne =
        campaigns.chargers(campaign.id(), Optional.empty(), Optional.empty(), 10).getFirst();
    assertThat(waitingOne.state()).isEqualTo(CampaignChargerState.PENDING);
    assertThat(waitingOne.attempts()).isEqualTo(1);
    assertThat(waitingOne.nextTryAt()).contains(CLOCK.instant().plus(Duration.ofMinutes(1)));

    answer("O-2", "{}");
    report("O-2", "Installed", CampaignChargerState.INSTALLED);
    campaigns.drive();
    assertThat(deliveredTo("O-")).hasSize(2); // not due yet
    CLOCK.advance(Duration.ofSeconds(61));
    campaigns.drive();
    assertThat(deliveredTo("O-")).containsExactly("O-1", "O-2", "O-1");
    campaigns.drive();
    CLOCK.advance(Duration.ofMinutes(5)); // past its deadline, set at its first turn
    campaigns.drive();
    Campaign done = campaigns.find(campaign.id()).orElseThrow();
    assertThat(done.totals()).containsEntry("timed-out", 1).containsEntry("installed", 1);
    assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
  }

  @Test
  void twoNodesDrivingTheSameCampaignAtOnceNeverSendMoreThanItsConcurrency() throws Exception {
    List<String> ids = chargers("N-", 40);
    Campaigns other =
        new Campaigns(
            database,
            new CampaignRepository(),
            new Commands(
                database,
                new CommandRepository(),
                (chargerId, request) -> {
                  delivered.add(chargerId);
                  return new CompletableFuture<>();
                },
                OcppJson.forCentralSystem(),
                CLOCK,
                Runnable::run,
                timers,
                EventSink.NONE),
            OcppJson.forCentralSystem(),
            CLOCK,
            Runnable::run);
    campaigns.create(
        CampaignKind.FIRMWARE,
        update(),
        CLOCK.instant(),
        ids,
        new Campaigns.Settings(7, Duration.ofMinutes(10), Duration.ofMinutes(1)));
    // another API node of a cluster: its own driver, the same database
    java.util.concurrent.ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        var a = nodes.submit(campaigns::drive);
        var b = nodes.submit(other::drive);
        a.get();
        b.get();
      }
    } finally {
      nodes.shutdownNow();
    }
    assertThat(deliveredTo("N-")).hasSize(7).doesNotHaveDuplicates();
  }

  @Test
  void aRetrieveDateLaterThanTheTurnPushesTheDeadline() {
    List<String> ids = chargers("D-", 1);
    Instant later = CLOCK.instant().plus(Duration.ofHours(2));
    Campaign campaign =
        campaigns.create(
            CampaignKind.FIRMWARE,
            new UpdateFirmwareRequest("https://fw/x.bin", null, later, null),
            later,
            ids,
            new Campaigns.Settings(5, Duration.ofMinutes(10), Duration.ofMinutes(1)));
    campaigns.drive();
    CampaignCharger sent =
        campaigns.chargers(campaign.id(), Optional.empty(), Optional.empty(), 10).getFirst();
    assertThat(sent.deadlineAt()).contains(later.plus(Duration.ofMinutes(10)));
    assertThat(sent.state()).isEqualTo(CampaignChargerState.SENT);
  }
}
