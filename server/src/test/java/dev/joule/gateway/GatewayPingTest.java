package dev.joule.gateway;

import static dev.joule.gateway.GatewayFixture.heartbeat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.joule.ocpp.json.Frame;
import dev.joule.ocpp.json.OcppJson;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WebSocket pings and dead-connection detection (OCPP-J §5, WebSocketPingInterval). */
@Timeout(60)
class GatewayPingTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration PONG_TIMEOUT = Duration.ofMillis(500);

  private GatewayFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private GatewayFixture start(boolean tolerant) {
    GatewaySettings q = GatewayFixture.quiet();
    fixture =
        new GatewayFixture(
            new GatewaySettings(
                q.maxFrameBytes(),
                INTERVAL,
                PONG_TIMEOUT,
                tolerant,
                q.callQueueLimit(),
                q.replyDeadline(),
                q.callTimeout()));
    return fixture;
  }

  @Test
  void silentChargerIsClosedAsDead() {
    GatewayFixture f = start(false);

    try (RawCharger silent = RawCharger.connect(f.port(), "/ocpp/silent", "ocpp1.6")) {
      Optional<RawCharger.Frame> close = silent.readSkippingPings();

      assertThat(close).isPresent();
      assertThat(close.get().opcode()).isEqualTo(RawCharger.CLOSE);
      assertThat(close.get().closeCode()).isEqualTo(Connection.PING_TIMEOUT);
    }
    assertThat(f.gateway.connected()).isEmpty();
    assertThat(f.gateway.counters().pingTimeouts()).isEqualTo(1);
  }

  @Test
  void chargerAnsweringPingsStaysConnected() {
    GatewayFixture f = start(false);
    f.startProcessor();
    TestCharger charger = f.connect("CP-1");

    // Enough pings that the pong timeout has passed since the first of them.
    Await.until("eight pings", () -> charger.pings() >= 8);

    assertThat(charger.isClosed()).isFalse();
    charger.send(heartbeat("alive"));
    Frame answer = OcppJson.forChargePoint().read(charger.next());
    assertThat(((Frame.CallResult) answer).messageId()).isEqualTo("alive");
    assertThat(f.gateway.counters().pingTimeouts()).isZero();
  }

  @Test
  void tolerantModeKeepsAChargerThatNeverAnswersPings() {
    GatewayFixture f = start(true);
    f.startProcessor();

    try (RawCharger silent = RawCharger.connect(f.port(), "/ocpp/silent", "ocpp1.6")) {
      for (int i = 0; i < 8; i++) { // the pong timeout has passed since the first
        RawCharger.Frame frame = silent.read().orElseThrow();
        assertThat(frame.opcode()).isEqualTo(RawCharger.PING);
      }

      silent.sendText(heartbeat("alive"));

      RawCharger.Frame answer = silent.readSkippingPings().orElseThrow();
      assertThat(answer.opcode()).isEqualTo(RawCharger.TEXT);
      assertThat(((Frame.CallResult) OcppJson.forChargePoint().read(answer.text())).messageId())
          .isEqualTo("alive");
    }
    assertThat(f.gateway.counters().pingTimeouts()).isZero();
  }
}
