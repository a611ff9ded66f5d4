package dev.joule.processing;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import dev.joule.bus.inprocess.InProcessBus;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.ocpp.message.core.RegistrationStatus;
import dev.joule.profile.Profiles;
import dev.joule.profile.core.CoreSettings;
import dev.joule.store.ChargerRepository;
import dev.joule.store.Database;
import dev.joule.store.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The persistence batch: one group commit of {@code batchSize} leased CALLs in the realistic mix,
 * through Joule's real handlers and repositories, into an embedded PostgreSQL with fsync on (the
 * default). One thread, so the score is one worker's batches per second; multiply by the batch size
 * for messages per second. The time includes the JVM's JDBC work and PostgreSQL's, and the commit's
 * WAL flush; the message log and the network to chargers are not in it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PersistenceBenchmark {
  private static final int CHARGERS = 1_000;

  @Param({"100", "20"})
  int batchSize;

  private Path dataDir;
  private EmbeddedPostgres postgres;
  private Database database;
  private BatchRunner runner;
  private MixedMessages messages;
  private InProcessBus bus;
  private List<Lease> leases;

  @Setup(Level.Trial)
  public void start() {
    try {
      dataDir = Files.createTempDirectory("joule-persistence-bench");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    postgres = EmbeddedPostgres.start(EmbeddedPostgres.Settings.in(dataDir));
    database = Database.open(postgres, 2);
    ChargerRepository chargers = new ChargerRepository();
    database.inTransaction(
        connection -> {
          for (int i = 0; i < CHARGERS; i++) {
            chargers.register(connection, MixedMessages.chargerId(i), Instant.now());
          }
          return null;
        });
    OcppJson codec = OcppJson.forCentralSystem();
    CoreSettings core =
        new CoreSettings(
            Duration.ofMinutes(5), RegistrationStatus.ACCEPTED, AuthorizationStatus.ACCEPTED);
    runner =
        new BatchRunner(
            database.dataSource(), Profiles.handlers(core, codec), codec, Clock.systemUTC());
    messages = new MixedMessages(CHARGERS);
    bus = new InProcessBus(Clock.systemUTC(), Duration.ofMinutes(5));
  }

  @Setup(Level.Invocation)
  public void leaseABatch() throws InterruptedException {
    for (InboxMessage message : messages.next(batchSize)) {
      bus.publish(message);
    }
    leases = bus.lease(batchSize, Duration.ofSeconds(1));
  }

  @Benchmark
  public int groupCommit() throws SQLException {
    List<Outcome> outcomes = runner.run(leases);
    for (Outcome outcome : outcomes) {
      messages.answered(outcome.frame());
      outcome.lease().ack();
    }
    return outcomes.size();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    database.close();
    postgres.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
