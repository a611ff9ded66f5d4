package dev.joule.processing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Reply;
import dev.joule.bus.inprocess.InProcessBus;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.ocpp.message.core.AuthorizeRequest;
import dev.joule.ocpp.message.core.AuthorizeResponse;
import dev.joule.ocpp.message.core.IdTagInfo;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stalled worker is abandoned and replaced; what it does when it wakes up is discarded. */
class ProcessorStallTest {
  @TempDir static Path dataDir;
  static EmbeddedPostgres postgres;
  static Database database;

  @BeforeAll
  static void start() {
    postgres = EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(dataDir));
    database = Database.open(postgres, 4);
  }

  @AfterAll
  static void stop() {
    database.close();
    postgres.close();
  }

  @Test
  void anAbandonedWorkerThatWakesUpNeitherCommitsNorAnswers() throws Exception {
    Clock clock = Clock.systemUTC();
    OcppJson codec = OcppJson.forCentralSystem();
    InProcessBus bus = new InProcessBus(clock, Duration.ofSeconds(60));
    List<Reply> replies = new CopyOnWriteArrayList<>();
    bus.subscribe("node", replies::add);
    CountDownLatch wake = new CountDownLatch(1);
    AtomicReference<Thread> stuck = new AtomicReference<>();
    FaultPoint stuckInsideTheFirstTransaction =
        new FaultPoint() {
          @Override
          public void holding(int slot, int generation) {}

          @Override
          public void database() {
            if (stuck.compareAndSet(null, Thread.currentThread())) {
              awaitUninterruptibly(wake); // ignores the interrupt, like a stuck driver call
            }
          }
        };
    Handlers handlers =
        new Handlers()
            .on(
                Action.AUTHORIZE,
                AuthorizeRequest.class,
                (context, request) -> {
                  insertCharger(context.connection(), request.idTag());
                  return new AuthorizeResponse(
                      new IdTagInfo(null, null, AuthorizationStatus.ACCEPTED));
                });
    Processor processor =
        new Processor(
            bus,
            bus,
            new BatchRunner(database.dataSource(), handlers, codec, clock),
            1,
            10,
            stuckInsideTheFirstTransaction,
            ProcessingListener.NONE);
    try {
      bus.publish(
          new InboxMessage(
              "CP-1",
              "node",
              1,
              new Frame.Call("late-1", Action.AUTHORIZE, new AuthorizeRequest("late-1")),
              clock.instant()));
      await(() -> processor.workers().getFirst().holding() == 1);

      assertThat(processor.abandon(0, 0)).as("messages released").isEqualTo(1);
      await(() -> replies.size() == 1); // the replacement answered the redelivered message
      assertThat(processor.workers().getFirst().generation()).isEqualTo(1);

      wake.countDown();
      assertThat(stuck.get().join(Duration.ofSeconds(10))).as("abandoned worker exited").isTrue();
      assertThat(replies).extracting(Reply::callId).containsExactly("late-1");
      assertThat(chargers("late-1")).as("the effect happened once").isEqualTo(1);
      assertThat(bus.stats().acked()).isEqualTo(1);
      assertThat(bus.stats().redelivered()).isEqualTo(1);
    } finally {
      wake.countDown();
      processor.close();
    }
  }

  @Test
  void abandoningAWorkerTwiceOrAnOldGenerationDoesNothing() {
    InProcessBus bus = new InProcessBus(Clock.systemUTC(), Duration.ofSeconds(60));
    Processor processor =
        new Processor(
            bus,
            bus,
            new BatchRunner(
                database.dataSource(),
                new Handlers(),
                OcppJson.forCentralSystem(),
                Clock.systemUTC()),
            2,
            10);
    try {
      assertThat(processor.abandon(1, 0)).isZero();
      assertThat(processor.abandon(1, 0)).isEqualTo(-1);
      assertThat(processor.workers()).extracting(WorkerState::generation).containsExactly(0, 1);
    } finally {
      processor.close();
    }
  }

  private static void insertCharger(Connection connection, String id) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO charger (id, registered_at) VALUES (?, now()) ON CONFLICT DO NOTHING")) {
      insert.setString(1, id);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long chargers(String id) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT count(*) FROM charger WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("condition within 10 s").isNegative();
      Thread.sleep(20);
    }
  }
}
