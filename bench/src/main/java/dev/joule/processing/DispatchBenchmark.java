package dev.joule.processing;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import dev.joule.bus.inprocess.InProcessBus;
import dev.joule.domain.event.EventSink;
import dev.joule.ocpp.json.OcppJson;
import dev.joule.ocpp.message.core.AuthorizationStatus;
import dev.joule.ocpp.message.core.RegistrationStatus;
import dev.joule.profile.Profiles;
import dev.joule.profile.core.CoreSettings;
import dev.joule.store.PendingWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dispatch without the database: a decoded CALL published to the in-process inbox, leased, looked
 * up in the action table and run by Joule's real handler up to the rows it adds to the batch's
 * pending writes, its CALLRESULT written, and the lease acked. Only actions whose handlers write
 * through {@link PendingWrites} alone (no query) run here; the persistence batch is {@link
 * PersistenceBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DispatchBenchmark {
  @Param({"MeterValues", "StatusNotification", "Heartbeat"})
  String action;

  private final OcppJson codec = OcppJson.forCentralSystem();
  private final InProcessBus bus = new InProcessBus(Clock.systemUTC(), Duration.ofMinutes(5));
  private Handlers handlers;
  private InboxMessage message;

  @Setup(Level.Trial)
  public void setUp() {
    handlers =
        Profiles.handlers(
            new CoreSettings(
                Duration.ofMinutes(5), RegistrationStatus.ACCEPTED, AuthorizationStatus.ACCEPTED),
            codec);
    MixedMessages mix = new MixedMessages(1);
    for (int i = 0; i < 100 && message == null; i++) {
      for (InboxMessage candidate : mix.next(1)) {
        if (candidate.call().action().wire().equals(action)) {
          message = candidate;
        }
      }
    }
  }

  @Benchmark
  public String dispatch() throws InterruptedException {
    bus.publish(message);
    List<Lease> leased = bus.lease(1, Duration.ZERO);
    Lease lease = leased.getFirst();
    InboxMessage m = lease.message();
    PendingWrites writes = new PendingWrites();
    CallContext context =
        new CallContext(
            m.chargerId(),
            m.call().messageId(),
            m.receivedAt(),
            Instant.now(),
            null,
            writes,
            EventSink.NONE,
            work -> {});
    String frame =
        codec.writeResult(
            m.call().messageId(),
            handlers.dispatch(context, m.call().action(), m.call().payload()));
    writes.discard();
    lease.ack();
    return frame;
  }
}
