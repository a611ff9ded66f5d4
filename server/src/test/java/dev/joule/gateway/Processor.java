package dev.joule.gateway;

import dev.joule.bus.InboxMessage;
import dev.joule.bus.Lease;
import dev.joule.bus.Reply;
import dev.joule.ocpp.Action;
import dev.joule.ocpp.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the processors: a thread that leases inbox messages, answers Heartbeat with a
 * CALLRESULT (anything else with CALLERROR NotSupported), publishes the reply and acks.
 */
final class Processor implements AutoCloseable {
  final List<InboxMessage> processed = new CopyOnWriteArrayList<>();
  private final GatewayFixture fixture;
  private final Thread thread;
  private volatile boolean running = true;

  Processor(GatewayFixture fixture) {
    this.fixture = fixture;
    this.thread = Thread.ofPlatform().name("test-processor").start(this::run);
  }

  private void run() {
    try {
      while (running) {
        for (Lease lease : fixture.bus.lease(16, Duration.ofMillis(50))) {
          handle(lease);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(Lease lease) {
    InboxMessage m = lease.message();
    processed.add(m);
    if (m.call().action() == Action.HEARTBEAT) {
      fixture.answer(lease);
      return;
    }
    String id = m.call().messageId();
    String error = fixture.codec.writeError(id, ErrorCode.NOT_SUPPORTED, "test processor");
    fixture.bus.publish(m.gateway(), new Reply(m.chargerId(), m.connectionEpoch(), id, error));
    lease.ack();
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(Await.DEADLINE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
